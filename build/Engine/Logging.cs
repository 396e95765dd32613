using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Sinks.SystemConsole.Themes;

namespace TvmBuild.Engine;

/// <summary>Serilog for all output: console (coloured only on a terminal) and this run's log file (RunLogs).
/// Verbosity maps as in Nuke: Quiet=Error, Minimal=Warning, Normal=Debug, Verbose=Verbose.</summary>
internal static class Logging
{
    public const string Template = "{Timestamp:HH:mm:ss} [{Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static LoggingLevelSwitch Level { get; } = new(LogEventLevel.Debug);

    public static void Configure(Verbosity verbosity, bool colours, AbsolutePath? logFile)
    {
        Level.MinimumLevel = verbosity switch
        {
            Verbosity.Quiet => LogEventLevel.Error,
            Verbosity.Minimal => LogEventLevel.Warning,
            Verbosity.Verbose => LogEventLevel.Verbose,
            _ => LogEventLevel.Debug,
        };
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.Console(outputTemplate: Template,
                theme: colours ? AnsiConsoleTheme.Code : ConsoleTheme.None, levelSwitch: Level);
        if (logFile is not null)
            configuration.WriteTo.File(logFile, outputTemplate: Template, shared: true);
        Log.Logger = configuration.CreateLogger();
    }
}
