using TvmBuild.Adopt;
using TvmBuild.Lint;
using TvmBuild.Tvm;
using YamlDotNet.Serialization;

namespace TvmBuild;

/// <summary>Every type the build reads from YAML (layouts.yaml, adopt.yaml, a tree's .pre-commit-config.yaml),
/// described at compile time by YamlDotNet's static generator, which serves one context an assembly: reflection over
/// these types cost a warm start tens of milliseconds, and a native build has none.</summary>
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
[YamlSerializable(typeof(AdoptManifest))]
[YamlSerializable(typeof(GuidePlace))]
[YamlSerializable(typeof(LayoutHome))]
[YamlSerializable(typeof(Retirement))]
[YamlSerializable(typeof(Retiree))]
[YamlSerializable(typeof(Edit))]
[YamlSerializable(typeof(PreCommitConfig))]
[YamlSerializable(typeof(PreCommitRepo))]
[YamlSerializable(typeof(PreCommitHook))]
public partial class BuildYaml : StaticContext;
