using Shouldly;
using TvmBuild.Engine;
using TvmBuild.Tools;
using Xunit;

namespace TvmBuild.Tests.Unit;

/// <summary>Diagnostics as gcc 12, clang 14, GNU ld and CMake 3.25 print them under ninja.</summary>
public class CompilerErrorsTests
{
    private static readonly AbsolutePath Root = AbsolutePath.Create("/src/tvm");

    [Fact]
    public void The_first_gcc_error_is_quoted_relative_to_the_tree() =>
        CompilerErrors.First("""
            [1/7] Building CXX object CMakeFiles/tvm.dir/src/fixture.cc.o
            FAILED: CMakeFiles/tvm.dir/src/fixture.cc.o
            In file included from /src/tvm/src/fixture.cc:3:
            /src/tvm/include/tvm/fixture.h:9:3: warning: unused variable 'x' [-Wunused-variable]
            /src/tvm/src/fixture.cc:15:1: error: expected unqualified-id before 'this'
            /src/tvm/src/fixture.cc:16:18: error: 'undefined_name' was not declared in this scope
            ninja: build stopped: subcommand failed.
            """, Root).ShouldBe("src/fixture.cc:15:1: error: expected unqualified-id before 'this'");

    [Fact]
    public void A_fatal_error_in_colour_from_outside_the_tree_keeps_its_path() =>
        CompilerErrors.First("\u001b[01m\u001b[K/usr/include/x.h:2:10:\u001b[m\u001b[K \u001b[01;31m\u001b[Kfatal " +
            "error: \u001b[m\u001b[Ky.h: No such file or directory", Root)
            .ShouldBe("/usr/include/x.h:2:10: fatal error: y.h: No such file or directory");

    [Fact]
    public void A_link_error_is_quoted_when_no_compiler_error_came_first() =>
        CompilerErrors.First("""
            FAILED: libtvm.so
            /usr/bin/ld: CMakeFiles/tvm.dir/src/fixture.cc.o: in function `f()':
            fixture.cc:(.text+0x5): undefined reference to `g()'
            collect2: error: ld returned 1 exit status
            """, Root).ShouldBe("fixture.cc:(.text+0x5): undefined reference to `g()'");

    [Fact]
    public void A_cmake_error_during_the_build_is_quoted_with_its_message() =>
        CompilerErrors.First("CMake Error at CMakeLists.txt:12 (message):\n  USE_LLVM is broken\n\n", Root)
            .ShouldBe("CMake Error at CMakeLists.txt:12 (message): USE_LLVM is broken");

    [Fact]
    public void Output_without_an_error_gives_nothing() =>
        CompilerErrors.First("ninja: build stopped: interrupted by user.\n", Root).ShouldBeNull();
}
