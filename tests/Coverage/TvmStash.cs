namespace TvmBuild.Tests.Coverage;

/// <summary>One transfer of artifacts in TVM's CI, as a stage's <c>ci/scripts/jenkins/s3.py</c> call (or its
/// <c>aws s3 cp</c> of the built pages) says it: the prefix under the build's S3 path (cpu, gpu, docs), the bundles of
/// ci/jenkins/data.py's files_to_stash and the items (paths) it names. An upload also records Build: the config
/// whose task_config_build_&lt;config&gt;.sh last wrote the stage's build/ before it (gpu for BUILD: GPU, which
/// uploads before it rebuilds build/ as gpu_other). A download without items takes everything uploaded to its
/// prefix.</summary>
public sealed record TvmStash(
    string Prefix, List<string>? Bundles = null, List<string>? Items = null, string? Build = null);
