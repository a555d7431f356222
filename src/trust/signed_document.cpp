#include "trust/signed_document.hpp"

#include <fmt/format.h>
#include <sodium.h>

namespace redoubt::trust {

std::string CanonicalBytes(const nlohmann::json& document) {
  // nlohmann::json (not ordered_json) keeps object keys in a std::map: sorted
  // by std::string comparison, which is byte order.
  nlohmann::json copy = document;
  if (copy.is_object()) copy.erase("signature");
  return copy.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
}

void SignDocument(nlohmann::ordered_json& document, const SecretKey& key) {
  InitSodium();
  const std::string bytes = CanonicalBytes(nlohmann::json(document));
  std::array<std::uint8_t, kSignatureBytes> signature{};
  crypto_sign_detached(signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                       key.bytes.data());
  document["signature"] = {{"algorithm", "ed25519"},
                           {"key_id", key.Public().Id()},
                           {"value", Base64Encode(signature.data(), signature.size())}};
}

Verification VerifyDocument(const nlohmann::json& document, const PublicKey& expected) {
  InitSodium();
  Verification result;
  const auto found = document.is_object() ? document.find("signature") : document.end();
  if (!document.is_object() || found == document.end()) {
    result.status = Verification::kUnsigned;
    result.message = "it is not signed — have its owner write it with their key (--key)";
    return result;
  }
  const nlohmann::json& signature = *found;
  auto text = [&](const char* name) -> const std::string* {
    if (!signature.is_object()) return nullptr;
    const auto field = signature.find(name);
    return field != signature.end() && field->is_string() ? field->get_ptr<const std::string*>()
                                                          : nullptr;
  };
  const std::string* algorithm = text("algorithm");
  const std::string* key_id = text("key_id");
  const std::string* value = text("value");
  if (algorithm == nullptr || key_id == nullptr || value == nullptr || signature.size() != 3) {
    result.status = Verification::kMalformed;
    result.message =
        "its signature is malformed (it needs exactly algorithm, key_id and value) — ask its "
        "owner for the file again";
    return result;
  }
  result.signer_key_id = *key_id;
  if (*algorithm != "ed25519") {
    result.status = Verification::kUnsupported;
    result.message = fmt::format(
        "it is signed with '{}', which redoubt does not support — only ed25519", *algorithm);
    return result;
  }
  std::array<std::uint8_t, kSignatureBytes> bytes{};
  if (!Base64Decode(*value, bytes.data(), bytes.size())) {
    result.status = Verification::kMalformed;
    result.message =
        "its signature value is not 64 bytes of base64 — ask its owner for the file again";
    return result;
  }
  const std::string expected_id = expected.Id();
  if (*key_id != expected_id) {
    result.status = Verification::kOtherKey;
    result.message = fmt::format(
        "it is signed by key {}, not by the expected key {} — check whose file it is, or the "
        "public key listed for its member",
        *key_id, expected_id);
    return result;
  }
  const std::string canonical = CanonicalBytes(document);
  if (crypto_sign_verify_detached(bytes.data(),
                                  reinterpret_cast<const unsigned char*>(canonical.data()),
                                  canonical.size(), expected.bytes.data()) != 0) {
    result.status = Verification::kBadSignature;
    result.message =
        "its signature does not match its contents: it was changed after it was signed — ask "
        "its owner for the file again";
    return result;
  }
  result.status = Verification::kValid;
  return result;
}

}  // namespace redoubt::trust
