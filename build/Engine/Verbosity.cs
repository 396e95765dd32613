using Serilog.Core;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;

namespace TvmBuild.Engine;

public enum Verbosity { Quiet, Minimal, Normal, Verbose }
