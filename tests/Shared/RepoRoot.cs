namespace TreatyWatch.Tests.Shared;

/// <summary>The repository: the folder above the test binary that holds TreatyWatch.slnx.</summary>
public static class RepoRoot
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TreatyWatch.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TreatyWatch.slnx not found above " + AppContext.BaseDirectory);
    }
}
