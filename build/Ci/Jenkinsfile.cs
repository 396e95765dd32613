using System.Text;
using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>ci/Jenkinsfile, in the scripted style TVM uses: a Prepare stage (which kinds of change the build has), then
/// the catalog's Jenkins stages in order, each running its tasks (and shards) in parallel under TVM's stage names.
/// Each task is one call of one Groovy function, <c>runTask</c>: its node label, workspace, timeout, unstash of what
/// it needs, the one step that does work (<c>sh './build.sh CiTask --name X'</c>), JUnit publishing, stash of what it
/// produces.</summary>
public static class Jenkinsfile
{
    // The function every branch calls; it takes the catalog's values as arguments and puts none into a string.
    private const string RunTask = """
        // One CI task on its node, in a workspace of its own: unstash what it needs, run its one command, publish its
        // JUnit results, stash what it produces. Skipped when the build has none of the task's kinds of change.
        def runTask(Map task) {
          if (!task.on.any { changes.split(' ').contains(it) }) {
            echo 'Skipped: no ' + task.on.join('/') + ' change'
            return
          }
          node(task.agent) {
            ws("workspace/exec_${env.EXECUTOR_NUMBER}/tvm/" + task.name) {
              checkout scm
              timeout(time: task.timeout, unit: 'MINUTES') {
                for (need in task.needs) {
                  unstash need
                }
                try {
                  sh(script: task.command)
                } finally {
                  junit(allowEmptyResults: true, testResults: junitResults)
                }
                if (task.produces) {
                  stash(name: task.name, includes: task.produces)
                }
              }
            }
          }
        }
        """;

    public static string Generate(CiCatalog catalog, string header)
    {
        var text = new StringBuilder();
        foreach (var line in header.Split('\n')) text.AppendLine($"// {line}".TrimEnd());
        text.AppendLine();
        text.AppendLine("properties([disableConcurrentBuilds(abortPrevious: true)])");
        text.AppendLine("// The checkout in each task's workspace; agents need the .NET 10 SDK to run ./build.sh.");
        text.AppendLine("env.TVM_HOME = '.'");
        text.AppendLine();
        text.AppendLine("// Binding variables (not def), which runTask reads: the kinds of change (code, docs,");
        text.AppendLine("// docker) this build has, and where the tests leave their JUnit results.");
        text.AppendLine("changes = ''");
        text.AppendLine($"junitResults = {Groovy(catalog.JunitPattern)}");
        text.AppendLine();
        text.AppendLine(RunTask.Replace("\r\n", "\n"));
        text.AppendLine();
        text.AppendLine($"stage({Groovy(CiCatalog.PrepareStage)}) {{");
        text.AppendLine("  node('CPU-SMALL') {");
        text.AppendLine("    checkout scm");
        const string changes = "sh(returnStdout: true, script: './build.sh CiTask --changes --verbosity quiet').trim()";
        text.AppendLine($"    changes = {changes}");
        text.AppendLine("  }");
        text.AppendLine("}");
        foreach (var (stage, tasks) in catalog.JenkinsStages())
        {
            text.AppendLine();
            text.AppendLine($"stage({Groovy(stage)}) {{");
            text.AppendLine("  parallel(");
            foreach (var task in tasks)
                foreach (var shard in Enumerable.Range(1, task.Shards))
                    Branch(text, task, task.Shards > 1 ? shard : null);
            text.AppendLine("  )");
            text.AppendLine("}");
        }
        return text.ToString();
    }

    private static void Branch(StringBuilder text, CiTaskSpec task, int? shard)
    {
        var shown = task.Aliases.Count > 0 ? task.Aliases[0] : task.Name;
        List<string> arguments = ["./build.sh", "CiTask", "--name", task.Name];
        if (shard is not null) arguments.AddRange(["--shard", $"{shard}/{task.Shards}"]);
        var produces = task.Produces.Count > 0 && shard is null ? string.Join(',', task.Produces) : "";
        text.AppendLine($"    {Groovy(shard is null ? shown : $"{shown} {shard}/{task.Shards}")}: {{");
        text.AppendLine($"      runTask(name: {Groovy(task.Name)}, agent: {Groovy(task.Agent!)}, " +
                        $"timeout: {task.Timeout}, on: {List(task.On)}, needs: {List(task.Needs)},");
        text.AppendLine($"              command: {Groovy(string.Join(" ", arguments.Select(Command.Quote)))},");
        text.AppendLine($"              produces: {Groovy(produces)})");
        text.AppendLine("    },");
    }

    private static string List(IEnumerable<string> values) => $"[{string.Join(", ", values.Select(Groovy))}]";

    /// <summary>The one way a value enters the Jenkinsfile: a single-quoted Groovy string, which does not
    /// interpolate, with its quotes, backslashes and control characters escaped.</summary>
    private static string Groovy(string value)
    {
        var text = new StringBuilder("'");
        foreach (var c in value)
            text.Append(c switch
            {
                '\'' or '\\' => $"\\{c}",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return text.Append('\'').ToString();
    }
}
