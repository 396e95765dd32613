namespace TvmBuild.Tests.Engine;

/// <summary>What a test build run in-process did: its exit code, its console output and the targets it ran.</summary>
public sealed record EngineResult(int ExitCode, string Output, List<string> Ran);
