#include "trust/keys.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/error.hpp"

namespace redoubt::trust {

namespace {

constexpr const char* kSecretFormat = "redoubt/secret-key@1";
constexpr const char* kPublicFormat = "redoubt/public-key@1";

void WriteNew(const std::string& path, const std::string& content, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) {
      throw IoError(
          fmt::format("{}: already exists; redoubt keygen never replaces a key — move "
                      "it away or choose another name",
                      path));
    }
    throw IoError(fmt::format("{}: cannot create: {}", path, std::strerror(errno)));
  }
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t wrote = ::write(fd, content.data() + done, content.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());
      throw IoError(fmt::format("{}: write failed: {}", path, reason));
    }
    done += static_cast<std::size_t>(wrote);
  }
  if (::fchmod(fd, mode) != 0 || ::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(path.c_str());
    throw IoError(fmt::format("{}: write failed: {}", path, reason));
  }
}

Diagnostics Problem(const std::string& path, std::string what, std::string hint) {
  Diagnostics diagnostics;
  diagnostics.Error({.file = path}, std::move(what), std::move(hint));
  return diagnostics;
}

// The JSON object of a key file of `format`, with its key in `field`.
Result<std::string> ReadKeyField(const std::string& path, const char* format, const char* field,
                                 const char* what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Problem(path, fmt::format("cannot read the {}: {}", what, std::strerror(errno)),
                   "check the path");
  }
  std::stringstream text;
  text << in.rdbuf();
  const auto document = nlohmann::json::parse(text.str(), nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return Problem(path, fmt::format("not a {} (not a JSON object)", what),
                   fmt::format("give a file written by redoubt keygen ({})", format));
  }
  const auto found = document.find("format");
  if (found == document.end() || !found->is_string() || *found != format) {
    return Problem(path, fmt::format("not a {}: its format is not '{}'", what, format),
                   "give the .key file for a secret key and the .pub file for a public key");
  }
  for (const auto& [key, value] : document.items()) {
    if (key != "format" && key != "key_id" && key != field) {
      return Problem(path, fmt::format("unknown key '{}' in the {}", key, what),
                     fmt::format("a {} holds only format, key_id and {}", format, field));
    }
  }
  const auto key = document.find(field);
  if (key == document.end() || !key->is_string()) {
    return Problem(path, fmt::format("the {} has no '{}'", what, field),
                   "write the key again with redoubt keygen");
  }
  return key->get<std::string>();
}

}  // namespace

void InitSodium() {
  static const int status = sodium_init();
  if (status < 0) throw Error("libsodium could not start (no source of randomness?)");
}

std::string Base64Encode(const std::uint8_t* bytes, std::size_t size) {
  std::string out(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

bool Base64Decode(const std::string& text, std::uint8_t* out, std::size_t size) {
  std::size_t length = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out, size, text.data(), text.size(), nullptr, &length, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return false;
  }
  return length == size && end == text.data() + text.size();
}

std::string KeyId(const std::array<std::uint8_t, kPublicKeyBytes>& public_key) {
  InitSodium();
  std::array<std::uint8_t, 32> hash{};
  crypto_generichash(hash.data(), hash.size(), public_key.data(), public_key.size(), nullptr, 0);
  std::string id = "ed25519:";
  for (std::size_t at = 0; at < 16; ++at) id += fmt::format("{:02x}", hash[at]);
  return id;
}

std::string PublicKey::Id() const { return KeyId(bytes); }

PublicKey SecretKey::Public() const {
  PublicKey key;
  crypto_sign_ed25519_sk_to_pk(key.bytes.data(), bytes.data());
  return key;
}

KeyPair GenerateKeyPair() {
  InitSodium();
  KeyPair pair;
  crypto_sign_keypair(pair.public_key.bytes.data(), pair.secret_key.bytes.data());
  return pair;
}

void WriteKeyPair(const KeyPair& pair, const std::string& name) {
  const std::string id = pair.public_key.Id();
  nlohmann::ordered_json secret = {
      {"format", kSecretFormat},
      {"key_id", id},
      {"secret_key", Base64Encode(pair.secret_key.bytes.data(), pair.secret_key.bytes.size())}};
  nlohmann::ordered_json pub = {
      {"format", kPublicFormat},
      {"key_id", id},
      {"public_key", Base64Encode(pair.public_key.bytes.data(), pair.public_key.bytes.size())}};
  // Both names are checked first, so a refusal leaves nothing half made.
  for (const std::string& path : {name + ".key", name + ".pub"}) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) == 0) {
      throw IoError(
          fmt::format("{}: already exists; redoubt keygen never replaces a key — move "
                      "it away or choose another name",
                      path));
    }
  }
  WriteNew(name + ".key", secret.dump(2) + "\n", 0600);
  WriteNew(name + ".pub", pub.dump(2) + "\n", 0644);
}

Result<SecretKey> LoadSecretKey(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    return Problem(path, fmt::format("cannot read the secret key: {}", std::strerror(errno)),
                   "check the path");
  }
  if ((info.st_mode & 077) != 0) {
    return Problem(
        path,
        fmt::format("the secret key can be read by others (mode {:03o})", info.st_mode & 0777),
        fmt::format("restrict it: chmod 600 {}", path));
  }
  auto field = ReadKeyField(path, kSecretFormat, "secret_key", "secret key");
  if (!field.ok()) return field.diagnostics();
  SecretKey key;
  if (!Base64Decode(field.value(), key.bytes.data(), key.bytes.size())) {
    return Problem(path, "the secret key is not 64 bytes of base64",
                   "the file is damaged: use another copy, or make a new key with redoubt keygen");
  }
  return key;
}

Result<PublicKey> LoadPublicKey(const std::string& path) {
  auto field = ReadKeyField(path, kPublicFormat, "public_key", "public key");
  if (!field.ok()) return field.diagnostics();
  PublicKey key;
  if (!Base64Decode(field.value(), key.bytes.data(), key.bytes.size())) {
    return Problem(path, "the public key is not 32 bytes of base64",
                   "the file is damaged: ask its owner for the .pub file again");
  }
  return key;
}

}  // namespace redoubt::trust
