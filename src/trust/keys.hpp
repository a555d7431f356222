// Ed25519 keys for signed statements between allies (libsodium).
//
//   KeyPair pair = GenerateKeyPair();
//   WriteKeyPair(pair, "gb");                  // gb.key (mode 0600) and gb.pub
//   auto secret = LoadSecretKey("gb.key");      // refused if others can read it
//   auto public_key = LoadPublicKey("gb.pub");
//   KeyId(public_key.value().bytes)             // "ed25519:3f9a…", the fingerprint
//
// Key files are small JSON documents, `redoubt/secret-key@1` and
// `redoubt/public-key@1`, holding the key in base64 and its fingerprint: the
// first 16 bytes of the BLAKE2b-256 hash of the public key, in hex. A secret
// key file holds the 64-byte libsodium secret key (seed and public key).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/result.hpp"

namespace redoubt::trust {

inline constexpr std::size_t kPublicKeyBytes = 32;
inline constexpr std::size_t kSecretKeyBytes = 64;
inline constexpr std::size_t kSignatureBytes = 64;

struct PublicKey {
  std::array<std::uint8_t, kPublicKeyBytes> bytes{};
  [[nodiscard]] std::string Id() const;
};

struct SecretKey {
  std::array<std::uint8_t, kSecretKeyBytes> bytes{};
  [[nodiscard]] PublicKey Public() const;
};

struct KeyPair {
  PublicKey public_key;
  SecretKey secret_key;
};

// Starts libsodium once; throws Error when it cannot (no entropy source).
void InitSodium();

[[nodiscard]] KeyPair GenerateKeyPair();

// "ed25519:" and 32 hex digits.
[[nodiscard]] std::string KeyId(const std::array<std::uint8_t, kPublicKeyBytes>& public_key);

// Writes NAME.key (mode 0600, created exclusively) and NAME.pub. Refuses to
// replace an existing key file (IoError), so a key is never lost by mistake.
void WriteKeyPair(const KeyPair& pair, const std::string& name);

// Reads a key file; every problem is one diagnostic (`file: what — how to
// fix`). A secret key readable by the group or others is refused.
[[nodiscard]] Result<SecretKey> LoadSecretKey(const std::string& path);
[[nodiscard]] Result<PublicKey> LoadPublicKey(const std::string& path);

// Base64 (the original alphabet, with padding) both ways; Decode returns
// false on anything that is not exactly that.
[[nodiscard]] std::string Base64Encode(const std::uint8_t* bytes, std::size_t size);
[[nodiscard]] bool Base64Decode(const std::string& text, std::uint8_t* out, std::size_t size);

}  // namespace redoubt::trust
