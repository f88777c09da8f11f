System.Console.WriteLine(TreatyWatch.Engine.Probe.D);
