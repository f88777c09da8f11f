using NodaTime;
using TreatyWatch.Ledger;

namespace TreatyWatch.Answers;

/// <summary>
/// Opens the ledger the way every front end does (the command line, the web app): the default file under the user's
/// data folder unless told otherwise, migrated, seeded from the bundled data on first use (one transaction), and
/// brought up to date by appending when the bundled data changed since.
/// </summary>
public static class LedgerSetup
{
    /// <summary>Who writes the bundled data into a ledger (seeding, and bringing it up to date).</summary>
    public const string BundledWho = "treatywatch (bundled data)";

    /// <summary>
    /// The default ledger: <c>sqlite:&lt;data dir&gt;/treatywatch/ledger.db</c>, the data dir being $XDG_DATA_HOME (when
    /// absolute), else $HOME/.local/share, else the platform's local application data folder.
    /// </summary>
    /// <param name="env">Reads an environment variable; null or empty is "not set".</param>
    public static string DefaultSpec(Func<string, string?> env)
    {
        var dir = Env(env, "XDG_DATA_HOME") is { } x && Path.IsPathRooted(x) ? x
            : Env(env, "HOME") is { } home ? Path.Combine(home, ".local", "share")
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (string.IsNullOrEmpty(dir))
            throw new UserInputException("no home folder for the default ledger (neither XDG_DATA_HOME nor HOME is set): pass --db <sqlite:path | connection string>, or --db none for the bundled files");
        return "sqlite:" + Path.Combine(dir, "treatywatch", "ledger.db");
    }

    private static string? Env(Func<string, string?> env, string name) => env(name) is { Length: > 0 } v ? v : null;

    /// <summary>
    /// The ledger named by <paramref name="spec"/>, migrated, seeded from the bundled data in
    /// <paramref name="dataFolder"/> on first use, and brought up to date when that data changed since (appended, see
    /// <see cref="LedgerStore.UpdateFromBundledData"/>); what was brought up to date is written to
    /// <paramref name="notes"/>. A spec that is not a ledger is a <see cref="UserInputException"/>; a database that
    /// cannot be reached is a <see cref="LedgerUnavailableException"/>.
    /// </summary>
    /// <param name="mark">Called with the name of each stage done (timings).</param>
    public static LedgerStore Open(string spec, string dataFolder, IClock clock, Func<string, string?> env, TextWriter notes, Action<string>? mark = null)
    {
        mark ??= _ => { };
        LedgerStore store;
        try
        {
            store = LedgerStore.Open(spec, clock);
        }
        catch (LedgerException e)
        {
            throw new UserInputException($"--db {e.Message}");
        }

        try
        {
            mark("ledger opened");
            store.Migrate();
            mark("migrations checked");
            var stamp = StampFile(env);
            var fingerprint = BundledData.Fingerprint(dataFolder);
            var known = ReadStamp(stamp, dataFolder, fingerprint);
            mark("bundled data fingerprinted");
            // The files are read only when they changed since last time, or this ledger has not had them yet.
            if (known is not null && store.HasBundledData(known))
            {
                mark("bundled data checked");
                return store;
            }

            var files = BundledData.Files(dataFolder);
            WriteStamp(stamp, dataFolder, fingerprint, LedgerStore.ContentHash(files));
            mark("bundled files read");
            if (store.IsEmpty) store.SeedFromBundledData(files, BundledWho);
            else
            {
                var u = store.UpdateFromBundledData(files, BundledWho);
                if (u.Updated)
                {
                    notes.WriteLine($"note: {store.Location} brought up to date with the bundled data: {u.ActionsAdded} action(s) added, {u.ActionsCorrected} corrected, {u.ActionsRetracted} retracted; " +
                                    $"{u.States} state(s), {u.Groups} group(s), {u.Definitions} treaty definition(s), {u.Sources} source(s), {u.Conflicts} armed conflict(s) added");
                    foreach (var n in u.NotApplied) notes.WriteLine($"note: not applied: {n}");
                }
            }

            mark("bundled data checked");
        }
        catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            var where = store.Location;
            store.Dispose();
            throw new LedgerUnavailableException($"cannot use the ledger at {where}: {e.Message}", e);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>
    /// Where the content hash of the last data folder read is kept, with that folder's fingerprint:
    /// &lt;data dir&gt;/treatywatch/bundled-data.stamp (a cache: losing it costs one read of the files).
    /// </summary>
    private static string? StampFile(Func<string, string?> env)
    {
        try
        {
            return DefaultSpec(env)["sqlite:".Length..] is var db ? Path.Combine(Path.GetDirectoryName(db)!, "bundled-data.stamp") : null;
        }
        catch (UserInputException)
        {
            return null;
        }
    }

    private static string? ReadStamp(string? stamp, string folder, string fingerprint)
    {
        try
        {
            var lines = stamp is not null && File.Exists(stamp) ? File.ReadAllLines(stamp) : [];
            return lines.Select(l => l.Split('\t')).FirstOrDefault(p => p.Length == 3 && p[0] == folder && p[1] == fingerprint)?[2];
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static void WriteStamp(string? stamp, string folder, string fingerprint, string hash)
    {
        try
        {
            if (stamp is null) return;
            Directory.CreateDirectory(Path.GetDirectoryName(stamp)!);
            var others = File.Exists(stamp) ? File.ReadAllLines(stamp).Where(l => !l.StartsWith(folder + "\t", StringComparison.Ordinal)) : [];
            var tmp = $"{stamp}.{Environment.ProcessId}.tmp";
            File.WriteAllLines(tmp, others.Append($"{folder}\t{fingerprint}\t{hash}"));
            File.Move(tmp, stamp, overwrite: true);
        }
        catch (IOException)
        {
            // A cache: the next run reads the files again.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
