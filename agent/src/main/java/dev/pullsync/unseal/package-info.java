/** unseal: Bitnami sealed-secrets compatible hybrid decryption and the key ring. */
package dev.pullsync.unseal;
