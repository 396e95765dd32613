#!/usr/bin/env pwsh
# Bootstrap for tvm-build (the C# build in build/). Same steps as build.sh:
# find dotnet, rebuild the build project only when its sources changed, then run it with all arguments.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$ScriptDir = $PSScriptRoot
$Project = Join-Path $ScriptDir 'build/_build.csproj'
# The build, published ReadyToRun (compiled ahead to native code: a warm start spends no time in the JIT).
$Output = Join-Path $ScriptDir 'build/bin/run'
$TempDir = Join-Path $ScriptDir '.nuke/temp'
$Stamp = Join-Path $TempDir 'build.ps1.stamp'

$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

$Dotnet = $null
if ($env:DOTNET_EXE -and (Test-Path $env:DOTNET_EXE)) { $Dotnet = $env:DOTNET_EXE }
elseif ($cmd = Get-Command dotnet -ErrorAction SilentlyContinue) { $Dotnet = $cmd.Source }
else {
    foreach ($candidate in @((Join-Path $HOME '.dotnet/dotnet'), (Join-Path $HOME '.dotnet/dotnet.exe'))) {
        if (Test-Path $candidate) { $Dotnet = $candidate; break }
    }
}
if (-not $Dotnet) {
    [Console]::Error.WriteLine("error: the .NET SDK (dotnet, version 10) was not found in DOTNET_EXE, on PATH or in ~/.dotnet.")
    [Console]::Error.WriteLine("hint: install it (https://learn.microsoft.com/dotnet/core/install), then run this again.")
    exit 1
}
$env:DOTNET_EXE = $Dotnet

# A hash of what the compiled build depends on; a match means the binary is current.
$BuildDir = Join-Path $ScriptDir 'build'
$files = Get-ChildItem -Path $BuildDir -Recurse -File -Include '*.cs', '*.csproj', '*.props', '*.targets', '*.yaml' |
    Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' } | Sort-Object { $_.FullName.Substring($BuildDir.Length).Replace('\', '/') } -CaseSensitive
$sha = [System.Security.Cryptography.SHA256]::Create()
$all = [System.Text.StringBuilder]::new()
foreach ($file in $files) {
    $relative = $file.FullName.Substring($BuildDir.Length).Replace('\', '/')
    $bytes = [System.IO.File]::ReadAllBytes($file.FullName)
    [void]$all.Append($relative).Append(':').Append([Convert]::ToHexString($sha.ComputeHash($bytes))).Append("`n")
}
$hash = [Convert]::ToHexString($sha.ComputeHash([System.Text.Encoding]::UTF8.GetBytes($all.ToString())))

$dll = Join-Path $Output '_build.dll'
if (-not (Test-Path $dll) -or -not (Test-Path $Stamp) -or (Get-Content -Raw $Stamp).Trim() -ne $hash) {
    # Shell completion asks with --complete while the user types: it never waits for a compile (it has its own values).
    if ($args.Count -gt 0 -and $args[0] -eq '--complete') { exit 1 }
    # Said at once, before the compile, which takes a while and prints nothing.
    if (Test-Path $dll) { [Console]::Error.WriteLine("compiling the build project (build/ changed): ~10 s") }
    else { [Console]::Error.WriteLine("compiling the build project, first run: ~20 s") }
    New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
    $log = Join-Path $TempDir 'compile.log'
    # Ctrl-C stops this script inside the try (and dotnet, which cancels and exits 1): an interruption, not a
    # compile error. MSBuild's own note catches the case where only dotnet saw it.
    $finished = $false
    try {
        # Analyzers cost a quarter of the compile and change nothing a run does; the test build (dotnet test, CI)
        # still runs them. ReadyToRun costs the compile a few seconds and saves every warm start a third of its CPU.
        & $Dotnet publish $Project -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true `
            -o $Output -nologo -v quiet -clp:NoSummary -p:RunAnalyzers=false *> $log
        $status = $LASTEXITCODE
        $finished = $true
    }
    finally {
        $cancelled = $finished -and $status -ne 0 -and
            (Select-String -Path $log -SimpleMatch -Pattern 'Attempting to cancel the build' -Quiet)
        if (-not $finished -or $cancelled) {
            [Console]::Error.WriteLine("interrupted: the build project was not compiled")
            exit 130
        }
    }
    if ($status -ne 0) {
        [Console]::Error.WriteLine("error: the build project failed to compile:")
        # MSBuild's diagnostics ("file(1,2): error CS1525: ...") once each, in order; never its "0 Error(s)" summary.
        $lines = Get-Content $log
        $errors = @($lines | Where-Object { $_ -cmatch ': (fatal )?error( [A-Za-z]+[0-9]+)?:' } | Select-Object -Unique)
        if ($errors.Count -eq 0) {
            $summary = '^ *[0-9]+ (Warning|Error)\(s\)$|^Build FAILED\.$|^Time Elapsed|^ *$'
            $errors = @($lines | Where-Object { $_ -notmatch $summary })
        }
        $errors | ForEach-Object { [Console]::Error.WriteLine($_) }
        exit 1
    }
    Set-Content -Path $Stamp -Value $hash
}

& $Dotnet $dll @args
exit $LASTEXITCODE
