#!/usr/bin/env bash
# Re-records tests/data/tvm-main-ci.json from a TVM main checkout: the stages, nodes, images, environment, task_*
# calls and s3.py uploads and downloads of its ci/jenkins/generated/*_jenkinsfile.groovy, the bundles of its
# ci/jenkins/data.py and the jobs and steps of its .github/workflows/*.yml, as tests/Coverage/TvmCiScan.cs reads them;
# and the tree's layout's entry of tests/data/tvm-docs-warnings.json: task_python_docs.sh's IGNORED_WARNINGS, as bash
# reads them (a v0.9.0 tree records only that). Review the diff like code; CatalogCoverageTests then says what the
# catalog must map or leave out, RecordedDocsWarningsTests what build/layouts.yaml must ignore.
# Usage: tests/data/record-tvm-ci.sh ~/tvm   (or a v0.9.0 checkout)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
tvm=$(cd "${1:?usage: $0 TVM_CHECKOUT}" && pwd)
tests=(RecordedTvmCiTests CatalogCoverageTests RecordedDocsWarningsTests)
filter=$(printf 'FullyQualifiedName~%s|' "${tests[@]}")
UPDATE_TVM_CI=1 TVM_HOME="$tvm" dotnet test tests/tvm-build.Tests.csproj --filter "${filter%|}"
git --no-pager diff --stat -- tests/data/tvm-main-ci.json tests/data/tvm-docs-warnings.json
