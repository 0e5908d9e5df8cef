#!/usr/bin/env bash
# Builds trimmed Native AOT binaries of compose-ecs, without debug files, into dist/<rid>/ (git-ignored).
#   scripts/publish-binaries.sh                 # linux-x64 linux-arm64 osx-arm64 win-x64
#   scripts/publish-binaries.sh linux-x64       # just one
# Native AOT compiles for the OS it runs on: a Linux machine builds the linux-* binaries (linux-arm64 also needs an
# arm64 cross toolchain), osx-arm64 needs macOS with Xcode's command line tools, win-x64 needs Windows with the
# Visual Studio C++ build tools. What cannot be built here is reported with what it needs, and the others still build.
set -uo pipefail
cd "$(dirname "$0")/.."
rids=("$@")
[ ${#rids[@]} -eq 0 ] && rids=(linux-x64 linux-arm64 osx-arm64 win-x64)

host_os=$(uname -s)
host_arch=$(uname -m)
needs() { # rid -> what this host lacks to build it, or nothing
  case "$1:$host_os" in
    linux-*:Linux)
      local missing=()
      command -v clang >/dev/null || missing+=(clang)
      command -v ld.lld >/dev/null || command -v lld >/dev/null || missing+=(lld)
      [ -e /usr/include/zlib.h ] || missing+=(zlib1g-dev)
      if [ "$1" = linux-arm64 ] && [ "$host_arch" != aarch64 ] && [ ! -d /usr/aarch64-linux-gnu ]; then
        missing+=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu "zlib1g-dev:arm64 (after dpkg --add-architecture arm64)")
      fi
      [ ${#missing[@]} -gt 0 ] && echo "sudo apt-get install -y ${missing[*]}" ;;
    osx-*:Darwin) command -v clang >/dev/null || echo "xcode-select --install" ;;
    win-*:MINGW*|win-*:MSYS*|win-*:CYGWIN*) ;;
    linux-*:*) echo "a Linux machine (Native AOT does not cross-compile between operating systems)" ;;
    osx-*:*) echo "a macOS machine with Xcode command line tools (Native AOT does not cross-compile between operating systems)" ;;
    win-*:*) echo "a Windows machine with the Visual Studio C++ build tools (Native AOT does not cross-compile between operating systems)" ;;
  esac
}

built=() skipped=() failed=()
for rid in "${rids[@]}"; do
  missing=$(needs "$rid")
  if [ -n "$missing" ]; then
    echo "skip $rid: needs $missing"
    skipped+=("$rid")
    continue
  fi
  out="dist/$rid"
  rm -rf "$out"
  echo "publish $rid -> $out"
  if dotnet publish src/ComposeEcs.Cli -c Release -r "$rid" -o "$out" --artifacts-path "dist/.build/$rid" \
       -p:PublishAot=true -p:PackAsTool=false -p:StripSymbols=true -p:DebugType=none -p:DebugSymbols=false \
       -p:InvariantGlobalization=true -nologo -v q; then
    find "$out" \( -name '*.pdb' -o -name '*.dbg' -o -name '*.dSYM' \) -prune -exec rm -rf {} +
    built+=("$rid")
    ls -l "$out"
  else
    failed+=("$rid")
  fi
done
rm -rf dist/.build
echo "built: ${built[*]:-none}; skipped: ${skipped[*]:-none}; failed: ${failed[*]:-none}"
[ ${#failed[@]} -eq 0 ]
