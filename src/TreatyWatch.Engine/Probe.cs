namespace TreatyWatch.Engine;
/// <summary>probe</summary>
public static class Probe { /// <summary>x</summary>
public static NodaTime.LocalDate D => new(2025,1,1); }
