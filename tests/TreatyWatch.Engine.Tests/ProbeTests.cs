using Xunit;
namespace TreatyWatch.Engine.Tests;
public class ProbeTests { [Fact] public void Works() => Assert.Equal(2025, Probe.D.Year); }
