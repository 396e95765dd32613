using YamlDotNet.Serialization;

namespace TvmBuild.Tvm;

/// <summary>layouts.yaml's types, described at compile time (YamlDotNet's static generator): every run reads the file,
/// and reflection over these types cost a warm start tens of milliseconds.</summary>
[YamlStaticContext]
[YamlSerializable(typeof(Layout))]
[YamlSerializable(typeof(TestSuite))]
[YamlSerializable(typeof(PytestRun))]
[YamlSerializable(typeof(CppTestSpec))]
[YamlSerializable(typeof(DocsSpec))]
[YamlSerializable(typeof(Step))]
[YamlSerializable(typeof(ImageTable))]
[YamlSerializable(typeof(LlvmRange))]
[YamlSerializable(typeof(PythonModules))]
[YamlSerializable(typeof(Feature))]
public partial class LayoutsYaml : StaticContext;
