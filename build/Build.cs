using TvmBuild.Engine;

/// <summary>TVM's build graph. Each concern is a component in Components/; this class only lists them.
/// Checkout → Configure → Compile → UnitTest / IntegrationTest / CppTest; Clean.</summary>
class Build : NukeBuild, ICheckout, IConfigure, ICompile, IClean, ITest, ICppTest, IJavaTest, IWebTest, IWheel, IDocker,
    IDockerImages, ILint, IDocs, ICi, IDoctor, IGenerateDocs
{
    public static int Main() => Execute<Build>(x => ((ICompile)x).Compile);

    protected override void OnBuildInitialized() => ((IDocker)this).EnterContainerMode();
}
