using TreatyWatch.Ingest.Mentions;

namespace TreatyWatch.Ingest.Tests;

/// <summary>A small gazetteer written in code, so that unit tests do not depend on the bundled data.</summary>
internal static class TestGazetteer
{
    public static readonly Gazetteer Instance = Build();

    private static Gazetteer Build()
    {
        StateName[] states =
        [
            StateName.Of("LTU", "Lithuania", ["Republic of Lithuania"], ["Lithuanian", "Lithuanians"], ["Vilnius"], ["Seimas"]),
            StateName.Of("LVA", "Latvia", ["Republic of Latvia"], ["Latvian", "Latvians"], ["Riga"], ["Saeima"]),
            StateName.Of("EST", "Estonia", ["Republic of Estonia"], ["Estonian", "Estonians"], ["Tallinn"], ["Riigikogu"]),
            StateName.Of("POL", "Poland", ["Republic of Poland"], ["Polish", "Poles"], ["Warsaw"], ["Sejm"]),
            StateName.Of("FIN", "Finland", [], ["Finnish", "Finns"], ["Helsinki"], ["Eduskunta"]),
            StateName.Of("NOR", "Norway", [], ["Norwegian"], ["Oslo"], ["Storting"]),
            StateName.Of("UKR", "Ukraine", [], ["Ukrainian", "Ukrainians"], ["Kyiv", "Kiev"], ["Verkhovna Rada", "Rada"]),
            StateName.Of("RUS", "Russian Federation", ["Russia"], ["Russian", "Russians"], ["Moscow"], ["State Duma", "Duma"]),
            StateName.Of("USA", "United States of America", ["United States", "U.S.", "the US"], ["American"], ["Washington"], ["US Congress"]),
            StateName.Of("HUN", "Hungary", [], ["Hungarian"], ["Budapest"], []),
            StateName.Of("TUR", "Türkiye", ["Turkey"], ["Turkish"], ["Ankara"], []),
            StateName.Of("GMB", "Gambia", ["The Gambia"], ["Gambian"], ["Banjul"], []),
        ];
        StateGroup[] groups =
        [
            new("Baltic states", ["the Baltics", "Baltic countries", "Baltic nations"], ["EST", "LVA", "LTU"]),
            new("NATO", ["NATO allies"], ["EST", "LVA", "LTU", "POL", "FIN", "NOR", "USA", "HUN", "TUR", "DEU", "FRA", "ITA"]),
        ];
        TreatyName[] treaties =
        [
            new("apmbc", ["Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel Mines and on their Destruction", "Ottawa Convention", "Mine Ban Treaty"], []),
            new("ccm", ["Convention on Cluster Munitions", "Oslo Convention"], []),
            new("rome-statute", ["Rome Statute of the International Criminal Court", "Rome Statute", "International Criminal Court", "ICC"], []),
            new("att", ["Arms Trade Treaty"], []),
            new("tpnw", ["Treaty on the Prohibition of Nuclear Weapons", "ban treaty"], []),
            new("istanbul-convention", ["Istanbul Convention"], []),
            new("inf", ["Intermediate-Range Nuclear Forces Treaty", "INF Treaty"], []),
            new("ctbt", ["Comprehensive Nuclear-Test-Ban Treaty", "CTBT"], []),
            new("new-start", ["New START", "New START Treaty"], []),
        ];
        return new Gazetteer(states, groups, TreatyLexicon.Merge(treaties));
    }
}
