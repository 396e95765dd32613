namespace TvmBuild.Ci;

/// <summary>The stage of TVM's CI a task reproduces: a pipeline (cpu, gpu, arm, wasm, docker: TVM's
/// ci/jenkins/generated/&lt;pipeline&gt;_jenkinsfile.groovy; lint.yml, main.yml: its workflows) and the stage's name
/// there, which people see in Jenkins or GitHub ("unittest: CPU", "BUILD: GPU", "MacOS").</summary>
public sealed record TvmStage(string Pipeline, string Stage);
