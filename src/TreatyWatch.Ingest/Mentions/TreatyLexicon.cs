namespace TreatyWatch.Ingest.Mentions;

/// <summary>
/// How the news names treaties beyond their official titles and aliases: organisation names that stand
/// for the founding treaty ("withdraw from the International Criminal Court"), and subject-matter
/// words that name the treaty beside a treaty noun ("the landmine treaty", "a convention banning
/// cluster bombs"). The data files hold what a legal researcher writes; this holds what reporters write.
/// </summary>
public static class TreatyLexicon
{
    private static readonly Dictionary<string, TreatyName> Entries = new TreatyName[]
    {
        new("apmbc",
            ["Ottawa Convention", "Ottawa Treaty", "Mine Ban Treaty", "Mine Ban Convention", "Convention d'Ottawa"],
            ["anti-personnel mines", "anti-personnel mine", "antipersonnel mines", "antipersonnel mine",
             "anti-personnel landmines", "antipersonnel landmines", "anti-personnel land mines",
             "landmines", "landmine", "land mines", "land mine", "mine ban", "mines antipersonnel"]),
        new("ccm",
            ["Convention on Cluster Munitions", "Cluster Munitions Convention", "Oslo Convention"],
            ["cluster munitions", "cluster munition", "cluster bombs", "cluster bomb", "armes à sous-munitions"]),
        new("ccw",
            ["Convention on Certain Conventional Weapons", "CCW"],
            ["certain conventional weapons", "inhumane weapons"]),
        new("att",
            ["Arms Trade Treaty", "ATT"],
            ["arms trade"]),
        new("npt",
            ["Non-Proliferation Treaty", "Nuclear Non-Proliferation Treaty", "NPT"],
            ["non-proliferation", "nonproliferation", "non-proliferation of nuclear weapons"]),
        new("ctbt",
            ["Comprehensive Nuclear-Test-Ban Treaty", "Comprehensive Test Ban Treaty", "CTBT"],
            ["nuclear test ban", "nuclear-test-ban", "test ban", "nuclear testing", "nuclear tests"]),
        new("cwc",
            ["Chemical Weapons Convention", "CWC"],
            ["chemical weapons"]),
        new("bwc",
            ["Biological Weapons Convention", "BWC", "Biological and Toxin Weapons Convention"],
            ["biological weapons", "bacteriological weapons", "biological and toxin weapons"]),
        new("tpnw",
            ["Treaty on the Prohibition of Nuclear Weapons", "TPNW", "nuclear ban treaty"],
            ["prohibition of nuclear weapons", "nuclear weapons ban", "nuclear ban"]),
        new("rome-statute",
            ["Rome Statute", "International Criminal Court", "ICC"],
            []),
        new("paris-agreement",
            ["Paris Agreement", "Paris climate agreement", "Paris climate accord", "Paris climate accords",
             "Paris accord", "Paris accords", "Paris climate deal", "Paris climate pact"],
            []),
        new("unfccc",
            ["United Nations Framework Convention on Climate Change", "UNFCCC", "UN climate convention"],
            ["framework convention on climate change"]),
        new("kyoto-protocol",
            ["Kyoto Protocol", "Kyoto accord"],
            []),
        new("who-constitution",
            ["World Health Organization", "World Health Organisation", "WHO", "Constitution of the World Health Organization"],
            []),
        new("open-skies",
            ["Treaty on Open Skies", "Open Skies Treaty", "Open Skies"],
            ["open skies"]),
        new("istanbul-convention",
            ["Istanbul Convention", "Istanbul accord"],
            ["violence against women", "domestic violence"]),
        new("echr",
            ["European Convention on Human Rights", "ECHR"],
            ["european human rights"]),
        new("inf",
            ["Intermediate-Range Nuclear Forces Treaty", "INF Treaty", "INF"],
            ["intermediate-range nuclear forces", "intermediate-range nuclear", "intermediate range nuclear forces"]),
        new("new-start",
            ["New START", "New START Treaty"],
            ["strategic offensive arms", "strategic arms reduction", "strategic nuclear arms"]),
    }.ToDictionary(t => t.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The reporters' names for <paramref name="id"/>, or none.</summary>
    public static TreatyName For(string id) => Entries.TryGetValue(id, out var t) ? t : new TreatyName(id, [], []);

    /// <summary>Adds the reporters' names to treaties defined elsewhere (the data files).</summary>
    public static IEnumerable<TreatyName> Merge(IEnumerable<TreatyName> treaties) =>
        treaties.Select(t => t.Merge(For(t.Id)));

    /// <summary>The lexicon alone, for every treaty it knows.</summary>
    public static IEnumerable<TreatyName> All => Entries.Values;
}
