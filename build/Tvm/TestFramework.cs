namespace TvmBuild.Tvm;

/// <summary>Which tool wrote a JUnit file: it decides how a test case's id is spelled so that the tool selects it
/// again (a pytest node id, a gtest <c>Suite.Name</c>, a ctest test name).</summary>
public enum TestFramework { Pytest, Gtest, Ctest }
