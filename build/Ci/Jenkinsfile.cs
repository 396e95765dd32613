using System.Text;
using TvmBuild.Engine;

namespace TvmBuild.Ci;

/// <summary>ci/Jenkinsfile, in the scripted style TVM uses: a Prepare stage (which kinds of change the build has), then
/// TVM's pipelines (cpu, gpu, arm, wasm, docker: a Jenkinsfile each at TVM) side by side, so that a failure in one
/// stops the rest of that pipeline only; each runs the catalog's stages in order, their tasks (and shards) in
/// parallel under TVM's stage names. Each task is one call of one Groovy function, <c>runTask</c>: its node label,
/// workspace, timeout, TVM's checkout (merged with the target branch, with submodules), unstash of what it needs, the
/// one step that does work (<c>sh './build.sh CiTask --name X'</c>), JUnit publishing, stash of what it
/// produces.</summary>
public static class Jenkinsfile
{
    // The functions every branch calls; they take the catalog's values as arguments and put none into a string.
    private const string Functions = """
        // TVM's init_git: the checkout, merged with the branch a pull request targets, with its submodules. The
        // shell reads CHANGE_TARGET itself: no value is put into a script.
        def checkoutTree() {
          retry(5) {
            checkout scm
          }
          if (env.CHANGE_TARGET) {
            sh(script: 'git fetch origin "$CHANGE_TARGET"')
            sh(script: 'git -c user.name=TVM-Jenkins -c user.email=jenkins@tvm.apache.org merge FETCH_HEAD')
          }
          // TVM's --jobs 0 aborts in git 2.39 (Debian 12's): "BUG: ... non-zero number of processes"; the setting
          // means the same and works.
          retry(3) {
            timeout(time: 5, unit: 'MINUTES') {
              sh(script: 'git -c submodule.fetchJobs=0 submodule update --init --recursive -f')
            }
          }
        }

        // One CI task on its node, in a workspace of its own: unstash what it needs (or, with a shared result cache,
        // fetch it by its key), run its one command, publish its JUnit results, stash what it produces. Skipped when
        // the build has none of the task's kinds of change.
        def runTask(Map task) {
          if (!task.on.any { changes.split(' ').contains(it) }) {
            echo 'Skipped: no ' + task.on.join('/') + ' change'
            return
          }
          node(task.agent) {
            ws("workspace/exec_${env.EXECUTOR_NUMBER}/tvm/" + task.name) {
              checkoutTree()
              timeout(time: task.timeout, unit: 'MINUTES') {
                for (need in task.needs) {
                  unstash need
                }
                for (fetch in (task.fetch ?: [])) {
                  sh(script: fetch)
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
        text.AppendLine("// A pull request's superseded builds are aborted; builds of main never are (TVM: milestones");
        text.AppendLine("// on pull requests only).");
        text.AppendLine("if (env.BRANCH_NAME != 'main') {");
        text.AppendLine("  properties([disableConcurrentBuilds(abortPrevious: true)])");
        text.AppendLine("}");
        text.AppendLine("// The checkout in each task's workspace; agents need the .NET 10 SDK to run ./build.sh.");
        text.AppendLine("env.TVM_HOME = '.'");
        if (catalog.ResultCache is { } store)
        {
            text.AppendLine("// The shared result cache: a task whose inputs did not change is reused, and a task");
            text.AppendLine("// takes what the tasks it needs produced from it by their key (no stash).");
            text.AppendLine($"env.TVM_BUILD_RESULT_CACHE = {Groovy(store)}");
        }
        text.AppendLine();
        text.AppendLine("// Binding variables (not def), which runTask reads: the kinds of change (code, docs,");
        text.AppendLine("// docker) this build has, and where the tests leave their JUnit results.");
        text.AppendLine("changes = ''");
        text.AppendLine($"junitResults = {Groovy(catalog.JunitPattern)}");
        text.AppendLine();
        text.AppendLine(Functions.Replace("\r\n", "\n"));
        text.AppendLine();
        text.AppendLine($"stage({Groovy(CiCatalog.PrepareStage)}) {{");
        text.AppendLine("  node('CPU-SMALL') {");
        text.AppendLine("    ws(\"workspace/exec_${env.EXECUTOR_NUMBER}/tvm/prepare\") {");
        text.AppendLine("      checkoutTree()");
        const string changes = "sh(returnStdout: true, script: './build.sh CiTask --changes --verbosity quiet').trim()";
        text.AppendLine($"      changes = {changes}");
        text.AppendLine("    }");
        text.AppendLine("  }");
        text.AppendLine("}");
        text.AppendLine();
        text.AppendLine("// TVM's pipelines, side by side: a failed stage stops the rest of its own pipeline only.");
        text.AppendLine("parallel(");
        foreach (var (pipeline, stages) in catalog.JenkinsPipelines())
        {
            text.AppendLine($"  {Groovy(pipeline)}: {{");
            foreach (var (stage, tasks) in stages)
            {
                text.AppendLine($"    stage({Groovy(stage)}) {{");
                text.AppendLine("      parallel(");
                foreach (var task in tasks)
                    foreach (var shard in Enumerable.Range(1, task.Shards))
                        Branch(text, catalog, task, task.Shards > 1 ? shard : null);
                text.AppendLine("      )");
                text.AppendLine("    }");
            }
            text.AppendLine("  },");
        }
        text.AppendLine(")");
        return text.ToString();
    }

    private static void Branch(StringBuilder text, CiCatalog catalog, CiTaskSpec task, int? shard)
    {
        const string indent = "        ";
        var shown = task.Aliases.Count > 0 ? task.Aliases[0] : task.Name;
        List<string> arguments = ["./build.sh", "CiTask", "--name", task.Name];
        if (shard is not null) arguments.AddRange(["--shard", $"{shard}/{task.Shards}"]);
        var shared = catalog.ResultCache is not null;
        var produces = task.Produces.Count > 0 && shard is null && !shared ? string.Join(',', task.Produces) : "";
        text.AppendLine($"{indent}{Groovy(shard is null ? shown : $"{shown} {shard}/{task.Shards}")}: {{");
        text.AppendLine($"{indent}  runTask(name: {Groovy(task.Name)}, agent: {Groovy(task.Agent!)}, " +
                        $"timeout: {task.Timeout}, on: {List(task.On)},");
        text.AppendLine($"{indent}          needs: {List(shared ? [] : task.Needs)}, " +
                        $"command: {Groovy(string.Join(" ", arguments.Select(Command.Quote)))},");
        if (shared && task.Needs.Count > 0)
        {
            var fetches = task.Needs.Select(need => string.Join(" ",
                new[] { "./build.sh", "CiTask", "--name", need, "--from-cache" }.Select(Command.Quote)));
            text.AppendLine($"{indent}          fetch: {List(fetches)},");
        }
        text.AppendLine($"{indent}          produces: {Groovy(produces)})");
        text.AppendLine($"{indent}}},");
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
