using System.Reflection;
using Xunit;

namespace TreatyWatch.Engine.Tests;

public class ArchitectureTests
{
    [Fact]
    public void Engine_ReferencesOnlyNodaTimeAndTheRuntime()
    {
        var refs = typeof(Engine.Status.StatusEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var foreign = refs.Where(n => n != "NodaTime" && !n.StartsWith("System", StringComparison.Ordinal) && n != "netstandard" && n != "mscorlib").ToList();
        Assert.Empty(foreign);
    }

    [Fact]
    public void Engine_UsesNoClockFileNetworkOrConsoleTypes()
    {
        // The banned-API analyzer makes these build errors; this checks the compiled IL's member references too.
        // (System.Environment is banned in source but not checked here: generated regex code reads the thread id.)
        var banned = new[] { "System.IO.File", "System.IO.Directory", "System.Net.Http.HttpClient", "System.Console", "NodaTime.SystemClock" };
        var asm = typeof(Engine.Status.StatusEngine).Assembly;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in asm.GetTypes())
        foreach (var method in type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        {
            var body = method.GetMethodBody()?.GetILAsByteArray();
            if (body is null) continue;
            for (var i = 0; i + 4 < body.Length; i++)
            {
                // call / callvirt / newobj / ldsfld followed by a metadata token
                if (body[i] is not (0x28 or 0x6F or 0x73 or 0x7E)) continue;
                var token = BitConverter.ToInt32(body, i + 1);
                try
                {
                    var member = type.Module.ResolveMember(token);
                    if (member?.DeclaringType?.FullName is { } n) used.Add(n);
                }
                catch (ArgumentException)
                {
                }
            }
        }

        Assert.Empty(used.Intersect(banned));
    }
}
