#!/usr/bin/env bash
# Re-records tests/data/tvm-main-ci.json from a TVM main checkout: the stages, nodes, images, environment, task_*
# calls and s3.py uploads and downloads of its ci/jenkins/generated/*_jenkinsfile.groovy, the bundles of its
# ci/jenkins/data.py and the jobs and steps of its .github/workflows/*.yml, as tests/Coverage/TvmCiScan.cs reads them.
# Review the diff like code; CatalogCoverageTests then says what the catalog must map or leave out.
# Usage: tests/data/record-tvm-ci.sh ~/tvm
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tvm=$(cd "${1:?usage: $0 TVM_MAIN_CHECKOUT}" && pwd)
UPDATE_TVM_CI=1 TVM_HOME="$tvm" dotnet test tests/tvm-build.Tests.csproj \
  --filter "FullyQualifiedName~RecordedTvmCiTests|FullyQualifiedName~CatalogCoverageTests"
git --no-pager diff --stat -- tests/data/tvm-main-ci.json
