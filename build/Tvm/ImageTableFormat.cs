using TvmBuild.Engine;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TvmBuild.Tvm;

public enum ImageTableFormat { Ini, Jenkinsfile }
