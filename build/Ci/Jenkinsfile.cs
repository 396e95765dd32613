using System.Text;
using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>ci/Jenkinsfile, in the scripted style TVM uses: a stage per dependency level, parallel tasks (and shards) per
/// stage on their node labels, per-task timeouts, stash/unstash of artifacts, JUnit publishing. Every step that does
/// work is one <c>sh './build.sh CiTask --name X'</c>.</summary>
public static class Jenkinsfile
{
    public static string Generate(CiCatalog catalog, string header)
    {
        var text = new StringBuilder();
        foreach (var line in header.Split('\n')) text.AppendLine($"// {line}".TrimEnd());
        text.AppendLine();
        text.AppendLine("properties([disableConcurrentBuilds(abortPrevious: true)])");
        text.AppendLine("env.TVM_HOME = '.'  // the checkout in each task's workspace; agents need the .NET 10 SDK to run ./build.sh");
        text.AppendLine();
        text.AppendLine("// Which kinds of change (code, docs, docker) this build has; a task runs when one of its kinds is among them.");
        text.AppendLine("changes = ''  // a binding variable, not def: runs() below reads it");
        text.AppendLine("node('CPU-SMALL') {");
        text.AppendLine("  checkout scm");
        text.AppendLine("  changes = sh(returnStdout: true, script: './build.sh CiTask --changes --verbosity quiet').trim()");
        text.AppendLine("}");
        text.AppendLine();
        text.AppendLine("def runs(kinds) { return kinds.any { changes.split(' ').contains(it) } }");
        foreach (var (stage, index) in catalog.Stages().Select((s, i) => (s, i)))
        {
            text.AppendLine();
            text.AppendLine($"stage({Groovy(StageName(stage, index))}) {{");
            text.AppendLine("  parallel(");
            foreach (var task in stage)
                foreach (var shard in Enumerable.Range(1, task.Shards))
                    Branch(text, catalog, task, task.Shards > 1 ? shard : null);
            text.AppendLine("  )");
            text.AppendLine("}");
        }
        return text.ToString();
    }

    private static void Branch(StringBuilder text, CiCatalog catalog, CiTaskSpec task, int? shard)
    {
        var name = shard is null ? task.Name : $"{task.Name} {shard}/{task.Shards}";
        List<string> arguments = ["./build.sh", "CiTask", "--name", task.Name];
        if (shard is not null) arguments.AddRange(["--shard", $"{shard}/{task.Shards}"]);
        var command = string.Join(" ", arguments.Select(Command.Quote));
        var kinds = string.Join(", ", task.On.Select(Groovy));
        var skipped = Groovy($"Skipped: no {string.Join("/", task.On)} change");
        text.AppendLine($"    {Groovy(name)}: {{");
        text.AppendLine($"      if (!runs([{kinds}])) {{ echo {skipped}; return }}");
        text.AppendLine($"      node({Groovy(task.Agent)}) {{");
        text.AppendLine($"        ws(\"workspace/exec_${{env.EXECUTOR_NUMBER}}/tvm/\" + {Groovy(task.Name)}) {{");
        text.AppendLine("          checkout scm");
        text.AppendLine($"          timeout(time: {task.Timeout}, unit: 'MINUTES') {{");
        foreach (var need in task.Needs) text.AppendLine($"            unstash {Groovy(need)}");
        text.AppendLine("            try {");
        text.AppendLine($"              sh {Groovy(command)}");
        text.AppendLine("            } finally {");
        text.AppendLine($"              junit(allowEmptyResults: true, testResults: {Groovy(catalog.JunitPattern)})");
        text.AppendLine("            }");
        var includes = Groovy(string.Join(',', task.Produces));
        if (task.Produces.Count > 0 && shard is null) text.AppendLine($"            stash(name: {Groovy(task.Name)}, includes: {includes})");
        text.AppendLine("          }");
        text.AppendLine("        }");
        text.AppendLine("      }");
        text.AppendLine("    },");
    }

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

    private static string StageName(List<CiTaskSpec> stage, int index) =>
        index == 0 ? "Build" : stage.All(t => t.Needs.Count > 0) ? index == 1 ? "Test" : $"Test {index}" : $"Stage {index + 1}";
}
