using Xunit;

namespace TreatyWatch.Ingest.Tests;

/// <summary>
/// The shared development data (seeds, corpus) lives in <c>shared/</c>, the sibling of the folder that
/// holds TreatyWatch.slnx. Under <c>CI=true</c> a missing folder fails the test; elsewhere it skips it.
/// </summary>
internal static class SharedFolder
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreatyWatch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TreatyWatch.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The path of <paramref name="relative"/> inside shared/, or a failed or skipped test.</summary>
    public static string Require(string relative)
    {
        string root = RepositoryRoot();
        string shared = Path.Combine(Path.GetDirectoryName(root)!, "shared");
        string path = Path.Combine(shared, relative);
        if (Directory.Exists(path) || File.Exists(path)) return path;
        string message = $"{path} is missing (shared/ is expected beside {root})";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
        return path;
    }

    /// <summary>The bundled data directory of the repository.</summary>
    public static string DataDirectory()
    {
        string path = Path.Combine(RepositoryRoot(), "data");
        if (Directory.Exists(Path.Combine(path, "states"))) return path;
        string message = $"{path} has no states/: the bundled data is missing";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail(message);
        Assert.Skip(message);
        return path;
    }
}
