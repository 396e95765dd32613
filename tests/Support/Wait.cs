using System.Diagnostics;

namespace TvmBuild.Tests.Support;

/// <summary>Waits for an event that nothing announces to the test (a marker a fake tool writes once its traps are
/// set, a file the compile writes): it looks every 50 ms, and fails naming the event when the script ends without it
/// or the deadline passes. A fixed sleep instead is slow on an idle machine and too short on a loaded one.</summary>
public static class Wait
{
    /// <summary>The default deadline: generous, because a loaded 2-core machine is slow, not broken.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    /// <param name="what">The event as a noun phrase: "waited 120 s for {what}", "the script ended before
    /// {what}".</param>
    public static void Until(Func<bool> happened, string what, RunningScript script, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Deadline;
        var clock = Stopwatch.StartNew();
        while (!happened())
        {
            // Asked again after the exit: the event may have come just before it.
            if (script.HasExited && !happened())
                throw new InvalidOperationException($"the script ended (or hit its time limit) before {what}");
            if (clock.Elapsed > limit) throw new TimeoutException($"waited {limit.TotalSeconds:0} s for {what}");
            Thread.Sleep(50);
        }
    }
}
