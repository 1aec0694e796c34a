package dev.pullsync.cli;

import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Kubernetes manifests as block-style YAML, in the key order given, for stdout and files. */
final class YamlText {
  private YamlText() {}

  static String of(Map<String, Object> manifest) {
    DumpSettings settings =
        DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setWidth(1_000_000).build();
    return new Dump(settings).dumpToString(manifest);
  }
}
