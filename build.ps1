#!/usr/bin/env pwsh
# Bootstrap for tvm-build (the C# build in build/). Same steps as build.sh: run the native build of these sources if
# there is one; else find dotnet, rebuild the build project only when its sources changed, run it with all arguments,
# and compile the native build in the background for the runs after this one.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 2.0

$ScriptDir = $PSScriptRoot
$Project = Join-Path $ScriptDir 'build/_build.csproj'
$TempDir = Join-Path $ScriptDir '.nuke/temp'


# A fingerprint of what the compiled build depends on, the same as build.sh's: each file's path, size and
# modification time in seconds, one line each, in byte order, through POSIX cksum (its CRC and the byte count).
$BuildDir = Join-Path $ScriptDir 'build'
$lines = Get-ChildItem -Path $BuildDir -Recurse -File -Include '*.cs', '*.csproj', '*.props', '*.targets', '*.yaml' |
    Where-Object { $_.FullName.Substring($BuildDir.Length) -notmatch '^[\\/](bin|obj)[\\/]' } |
    ForEach-Object {
        $relative = $_.FullName.Substring($BuildDir.Length + 1).Replace('\', '/')
        "$relative $($_.Length) $([DateTimeOffset]::new($_.LastWriteTimeUtc).ToUnixTimeSeconds())"
    }
$sorted = [string[]]@($lines)
[Array]::Sort($sorted, [StringComparer]::Ordinal)
$bytes = [System.Text.Encoding]::UTF8.GetBytes((($sorted | ForEach-Object { "$_`n" }) -join ''))
$mask = [uint64]4294967295
$table = [uint64[]]::new(256)
for ($i = 0; $i -lt 256; $i++) {
    [uint64]$c = [uint64]$i -shl 24
    for ($k = 0; $k -lt 8; $k++) {
        $top = $c -band [uint64]2147483648
        $c = ($c -shl 1) -band $mask
        if ($top) { $c = $c -bxor [uint64]0x04C11DB7 }
    }
    $table[$i] = $c
}
[uint64]$crc = 0
foreach ($b in $bytes) { $crc = (($crc -shl 8) -band $mask) -bxor $table[(($crc -shr 24) -bxor $b) -band 0xFF] }
for ($n = [uint64]$bytes.Length; $n -gt 0; $n = $n -shr 8) {
    $crc = (($crc -shl 8) -band $mask) -bxor $table[(($crc -shr 24) -bxor ($n -band 0xFF)) -band 0xFF]
}
$crc = (-bnot $crc) -band $mask
# The build, published into a folder named after the fingerprint, as build.sh does: a publish goes to a fresh
# folder that is renamed into place when complete, so a running or starting build never sees half of one; the
# folder's existence is the stamp.
$Output = Join-Path $ScriptDir "build/bin/run-$crc-$($bytes.Length)"
# The native build of the same sources, as build.sh names it (TVM_BUILD_BOOTSTRAP=dotnet keeps to the dotnet build).
$Native = Join-Path $ScriptDir "build/bin/native-$crc-$($bytes.Length)"
$NativeExe = Join-Path $Native $(if ($env:OS -eq 'Windows_NT') { '_build.exe' } else { '_build' })
$Mode = $env:TVM_BUILD_BOOTSTRAP
if ($Mode -ne 'dotnet' -and $Mode -ne 'compile' -and (Test-Path $NativeExe)) {
    & $NativeExe @args
    exit $LASTEXITCODE
}

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

# The native compile (build.sh's native_compile): TVM_BUILD_BOOTSTRAP=compile is the background one a run below starts,
# =native one in the foreground.
function Compile-Native {
    New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
    $lock = $null
    while (-not $lock) {
        try { $lock = [System.IO.File]::Open((Join-Path $TempDir 'native.lock'), 'OpenOrCreate', 'ReadWrite', 'None') }
        catch [System.IO.IOException] {
            if ($Mode -eq 'compile') { return } # another bootstrap is compiling it
            Start-Sleep -Milliseconds 200
        }
    }
    if (Test-Path $NativeExe) { $lock.Dispose(); return }
    $fresh = "$Native.new-$PID"
    Get-ChildItem -Path (Join-Path $ScriptDir 'build/bin') -Directory -Filter "$(Split-Path -Leaf $Native).new-*" |
        ForEach-Object { Remove-Item -Recurse -Force $_.FullName -ErrorAction SilentlyContinue }
    & $Dotnet publish $Project -c Release --use-current-runtime -p:PublishAot=true -p:IlcDehydrate=false `
        -p:CopyOutputSymbolsToPublishDirectory=false -p:RunAnalyzers=false `
        --artifacts-path (Join-Path $ScriptDir 'build/obj/native') -o $fresh -nologo -v quiet -clp:NoSummary `
        *> (Join-Path $TempDir 'native.log')
    if ($LASTEXITCODE -eq 0 -and (Test-Path (Join-Path $fresh (Split-Path -Leaf $NativeExe)))) {
        [System.IO.Directory]::Move($fresh, $Native)
        Get-ChildItem -Path (Join-Path $ScriptDir 'build/bin') -Filter 'native-*' |
            Where-Object { $_.FullName -ne $Native } |
            ForEach-Object { Remove-Item -Recurse -Force $_.FullName -ErrorAction SilentlyContinue }
    }
    else {
        if (Test-Path $fresh) { Remove-Item -Recurse -Force $fresh -ErrorAction SilentlyContinue }
        New-Item -ItemType File -Force -Path "$Native.failed" | Out-Null
    }
    $lock.Dispose()
}
if ($Mode -eq 'compile') { Compile-Native; exit 0 }
if ($Mode -eq 'native') {
    [Console]::Error.WriteLine("compiling the native build (~1 min, .nuke/temp/native.log)")
    Remove-Item -Force "$Native.failed", "$Native.failed-said" -ErrorAction SilentlyContinue
    Compile-Native
    if (Test-Path $NativeExe) { & $NativeExe @args; exit $LASTEXITCODE }
    [Console]::Error.WriteLine("error: the native build did not compile: see .nuke/temp/native.log")
    [Console]::Error.WriteLine("hint: TVM_BUILD_BOOTSTRAP=dotnet runs the dotnet build")
    exit 1
}

$dll = Join-Path $Output '_build.dll'
if (-not (Test-Path $dll)) {
    # Shell completion asks with --complete while the user types: it never waits for a compile (it has its own values).
    if ($args.Count -gt 0 -and $args[0] -eq '--complete') { exit 1 }
    # Said at once, before the compile, which takes a while and prints nothing.
    if (Test-Path (Join-Path $ScriptDir 'build/bin/run*/_build.dll')) {
        [Console]::Error.WriteLine("compiling the build project (build/ changed): ~10 s")
    }
    else { [Console]::Error.WriteLine("compiling the build project, first run: ~20 s") }
    New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
    # build.sh's lock (flock on Linux and macOS, where .NET's exclusive open takes it): two builds compile once.
    $lock = $null
    while (-not $lock) {
        try { $lock = [System.IO.File]::Open((Join-Path $TempDir 'build.lock'), 'OpenOrCreate', 'ReadWrite', 'None') }
        catch [System.IO.IOException] { Start-Sleep -Milliseconds 200 }
    }
    if (Test-Path $dll) { $lock.Dispose(); & $Dotnet $dll @args; exit $LASTEXITCODE }
    $fresh = "$Output.new-$PID"
    if (Test-Path $fresh) { Remove-Item -Recurse -Force $fresh }
    $log = Join-Path $TempDir 'compile.log'
    # Ctrl-C stops this script inside the try (and dotnet, which cancels and exits 1): an interruption, not a
    # compile error. MSBuild's own note catches the case where only dotnet saw it.
    $finished = $false
    try {
        # Analyzers cost a quarter of the compile and change nothing a run does; the test build (dotnet test, CI)
        # still runs them. Not ReadyToRun, as in build.sh: it made every publish 7 s longer.
        & $Dotnet publish $Project -c Release --use-current-runtime --self-contained false `
            -o $fresh -nologo -v quiet -clp:NoSummary -p:RunAnalyzers=false *> $log
        $status = $LASTEXITCODE
        $finished = $true
    }
    finally {
        $cancelled = $finished -and $status -ne 0 -and
            (Select-String -Path $log -SimpleMatch -Pattern 'Attempting to cancel the build' -Quiet)
        if (-not $finished -or $cancelled -or $status -ne 0) {
            if (Test-Path $fresh) { Remove-Item -Recurse -Force $fresh -ErrorAction SilentlyContinue }
        }
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
    [System.IO.Directory]::Move($fresh, $Output)
    # The builds of earlier sources go (one a process still runs stays until it ends, where files in use are locked).
    Get-ChildItem -Path (Join-Path $ScriptDir 'build/bin') -Directory |
        Where-Object { ($_.Name -eq 'run' -or $_.Name -like 'run-*') -and $_.FullName -ne $Output } |
        ForEach-Object { Remove-Item -Recurse -Force $_.FullName -ErrorAction SilentlyContinue }
    $lock.Dispose()
}

# The native build compiles once, in the background, as build.sh does (not on a CI server; a failure is said once).
if ($Mode -ne 'dotnet' -and -not ($args.Count -gt 0 -and $args[0] -eq '--complete') -and -not (Test-Path $Native)) {
    if (Test-Path "$Native.failed") {
        [Console]::Error.WriteLine(
            "note: the native build did not compile (.nuke/temp/native.log); runs use the dotnet build")
        Move-Item -Force "$Native.failed" "$Native.failed-said"
    }
    elseif (-not ($env:CI -or $env:JENKINS_URL -or $env:GITHUB_ACTIONS) -and -not (Test-Path "$Native.failed-said")) {
        [Console]::Error.WriteLine(
            "compiling the native build in the background (~1 min, .nuke/temp/native.log): later runs start faster")
        New-Item -ItemType Directory -Force -Path $TempDir | Out-Null
        $env:TVM_BUILD_BOOTSTRAP = 'compile'
        $shell = (Get-Process -Id $PID).Path
        Start-Process -FilePath $shell -ArgumentList @('-NoProfile', '-File', "`"$PSCommandPath`"") `
            -RedirectStandardOutput (Join-Path $TempDir 'native-start.log') `
            -RedirectStandardError (Join-Path $TempDir 'native-start.err') | Out-Null
        $env:TVM_BUILD_BOOTSTRAP = $Mode
    }
}

& $Dotnet $dll @args
exit $LASTEXITCODE
