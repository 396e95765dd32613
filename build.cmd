:; SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd)
:; exec "${SCRIPT_DIR}/build.sh" "$@"

@ECHO OFF
powershell -ExecutionPolicy ByPass -NoProfile -File "%~dp0build.ps1" %*
