using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TvmBuild.Tvm;

/// <summary>Where a ref's linters come from.</summary>
public enum LintSource { PreCommit, TaskLint }
