using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TvmBuild.Tvm;

/// <summary>The file that names a ref's CI images (ci_cpu → tlcpack/ci-cpu:TAG), and how to read it.</summary>
public sealed class ImageTable
{
    public string File { get; set; } = "ci/jenkins/docker-images.ini";
    public ImageTableFormat Format { get; set; } = ImageTableFormat.Ini;
}
