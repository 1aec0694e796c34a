package dev.pullsync.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pullsync.spec.InvalidSpecException;
import dev.pullsync.unseal.KeyRing;
import dev.pullsync.unseal.PemObjects;
import dev.pullsync.unseal.SealingKeyGenerator;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** --keys-from-cluster against an in-memory API server: active keys, newest first. */
@EnableKubernetesMockClient(crud = true)
class ClusterKeySourceTest {
  KubernetesClient client;

  static SealingKeyGenerator.Generated key(String at) {
    return new SealingKeyGenerator(
            Clock.fixed(Instant.parse(at), ZoneOffset.UTC), new SecureRandom())
        .generate(2048);
  }

  static Secret keySecret(String ns, String name, String label, SealingKeyGenerator.Generated k) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .addToLabels("sealedsecrets.bitnami.com/sealed-secrets-key", label)
        .endMetadata()
        .withType("kubernetes.io/tls")
        .addToData("tls.key", b64(PemObjects.write(k.keyPair().getPrivate())))
        .addToData("tls.crt", b64(PemObjects.write(k.certificate())))
        .build();
  }

  static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheActiveKeysOfTheControllerNamespaceNewestFirst() {
    SealingKeyGenerator.Generated old = key("2024-01-01T00:00:00Z");
    SealingKeyGenerator.Generated renewed = key("2025-01-01T00:00:00Z");
    SealingKeyGenerator.Generated compromised = key("2026-01-01T00:00:00Z");
    SealingKeyGenerator.Generated elsewhere = key("2026-06-01T00:00:00Z");
    client
        .secrets()
        .resource(keySecret("kube-system", "sealed-secrets-keyaaa", "active", old))
        .create();
    client
        .secrets()
        .resource(keySecret("kube-system", "sealed-secrets-keybbb", "active", renewed))
        .create();
    client
        .secrets()
        .resource(keySecret("kube-system", "sealed-secrets-keyccc", "compromised", compromised))
        .create();
    client
        .secrets()
        .resource(keySecret("other", "sealed-secrets-keyddd", "active", elsewhere))
        .create();

    KeyRing ring = new ClusterKeySource(client, "kube-system").load();

    assertThat(ring.keys())
        .extracting(k -> k.origin())
        .containsExactly(
            "secret kube-system/sealed-secrets-keybbb", "secret kube-system/sealed-secrets-keyaaa");
    assertThat(ring.keys().get(0).publicKey()).isEqualTo(renewed.keyPair().getPublic());
  }

  @Test
  void anotherNamespaceCanBeConfiguredAndNoKeysIsAnEmptyRing() {
    client
        .secrets()
        .resource(keySecret("sealed-secrets", "k1", "active", key("2025-01-01T00:00:00Z")))
        .create();
    assertThat(new ClusterKeySource(client, "sealed-secrets").load().keys()).hasSize(1);
    assertThat(new ClusterKeySource(client, ClusterKeySource.DEFAULT_NAMESPACE).load().isEmpty())
        .isTrue();
  }

  @Test
  void aBrokenKeySecretIsNamed() {
    client
        .secrets()
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withNamespace("kube-system")
                .withName("sealed-secrets-keybad")
                .addToLabels("sealedsecrets.bitnami.com/sealed-secrets-key", "active")
                .endMetadata()
                .withType("kubernetes.io/tls")
                .addToData("tls.key", b64("garbage"))
                .build())
        .create();
    assertThatThrownBy(() -> new ClusterKeySource(client, "kube-system").load())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageStartingWith("secret kube-system/sealed-secrets-keybad:1: data.tls.key: ");
  }
}
