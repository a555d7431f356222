// redoubt keygen -o NAME — an Ed25519 key pair for signing what a member
// shares with its allies: NAME.key (secret, mode 0600) and NAME.pub.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <string>

#include "cli/common.hpp"
#include "core/error.hpp"
#include "trust/keys.hpp"

namespace redoubt::cli {

namespace {

struct KeygenOptions {
  std::string name;
};

int Run(const KeygenOptions& options) {
  const trust::KeyPair pair = trust::GenerateKeyPair();
  trust::WriteKeyPair(pair, options.name);
  std::cout << fmt::format("{}.key: secret key (mode 0600; keep it on this machine)\n",
                           options.name)
            << fmt::format("{}.pub: public key {} (give it to your allies)\n", options.name,
                           pair.public_key.Id());
  return kExitOk;
}

}  // namespace

CommandRunner SetupKeygen(CLI::App& command) {
  auto options = std::make_shared<KeygenOptions>();
  command.add_option("-o,--output", options->name, "Write NAME.key and NAME.pub")
      ->required()
      ->type_name("NAME");
  command.footer(
      "Ed25519 (libsodium). NAME.key holds the secret key and is created with mode 0600; "
      "redoubt refuses a secret key that the group or others can read. NAME.pub holds the "
      "public key and its fingerprint (ed25519: and the first 16 bytes of its BLAKE2b-256 "
      "hash, in hex), which allies list for the member. Existing files are never replaced "
      "(exit 3).");
  return [options] { return Run(*options); };
}

}  // namespace redoubt::cli
