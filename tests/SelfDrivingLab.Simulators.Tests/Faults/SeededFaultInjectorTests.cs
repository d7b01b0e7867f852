using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Instruments.Sdk;
using SelfDrivingLab.Protocol.Messages;
using static SelfDrivingLab.Simulators.Tests.Drivers.SimulatorTestData;

namespace SelfDrivingLab.Simulators.Tests.Faults;

public sealed class SeededFaultInjectorTests
{
    private static readonly FaultDefinition Mixed = new(Reject: 0.05, Fail: 0.1, Hang: 0.02, Disconnect: 0.03, Duplicate: 0.2, Late: 0.1,
        LateDelay: DurationDistribution.Uniform(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)));

    [Fact]
    public void Decide_FixedSeed_HonoursEveryRateStatistically()
    {
        const int commands = 20_000;
        var injector = new SeededFaultInjector(Mixed, new Random(17));

        var decisions = Enumerable.Range(0, commands).Select(i => injector.Decide(Command(i))).ToList();

        var expected = new Dictionary<InjectedFault, double>
        {
            [InjectedFault.Reject] = 0.05,
            [InjectedFault.Fail] = 0.1,
            [InjectedFault.Hang] = 0.02,
            [InjectedFault.Disconnect] = 0.03,
            [InjectedFault.Duplicate] = 0.2,
            [InjectedFault.Late] = 0.1,
        };
        foreach (var (fault, rate) in expected)
        {
            // Binomial(n, p): within 4.5 standard deviations of n p.
            var count = decisions.Count(d => d.Fault == fault);
            var sd = Math.Sqrt(commands * rate * (1 - rate));
            Assert.InRange(count, (commands * rate) - (4.5 * sd), (commands * rate) + (4.5 * sd));
        }

        Assert.All(decisions.Where(d => d.Fault == InjectedFault.Late), d => Assert.InRange(d.Delay, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)));
        Assert.All(decisions.Where(d => d.Fault != InjectedFault.Late), d => Assert.Equal(TimeSpan.Zero, d.Delay));
    }

    [Fact]
    public void Decide_SameSeed_SameSequence_OtherSeed_Differs()
    {
        static List<FaultDecision> Run(int seed)
        {
            var injector = new SeededFaultInjector(Mixed, new Random(seed));
            return [.. Enumerable.Range(0, 200).Select(i => injector.Decide(Command(i)))];
        }

        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void Decide_RateOne_AlwaysThatFault()
    {
        var injector = new SeededFaultInjector(new FaultDefinition(Hang: 1), new Random(1));

        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(InjectedFault.Hang, injector.Decide(Command(i)).Fault));
    }

    [Theory]
    [InlineData(0.6, 0.5)]
    [InlineData(-0.1, 0)]
    public void Create_BadRates_Throws(double reject, double fail) =>
        Assert.Throws<ArgumentException>(() => new SeededFaultInjector(new FaultDefinition(Reject: reject, Fail: fail), new Random(1)));

    [Fact]
    public void Create_LateWithoutDelay_Throws() =>
        Assert.Throws<ArgumentException>(() => new SeededFaultInjector(new FaultDefinition(Late: 0.1), new Random(1)));

    [Fact]
    public void Factory_NoFaults_NoInjector_AndSeedDerivedPerInstrument()
    {
        var faulty = Synthesis() with { Faults = Mixed };

        Assert.Null(SimulatorFactory.CreateFaultInjector(Synthesis(), new SiteId("lab1"), 1));
        var a = SimulatorFactory.CreateFaultInjector(faulty, new SiteId("lab1"), 1)!;
        var b = SimulatorFactory.CreateFaultInjector(faulty, new SiteId("lab1"), 1)!;
        var other = SimulatorFactory.CreateFaultInjector(faulty with { Id = new InstrumentId("synth2") }, new SiteId("lab1"), 1)!;
        var first = Enumerable.Range(0, 100).Select(i => (a.Decide(Command(i)), b.Decide(Command(i)), other.Decide(Command(i)))).ToList();

        Assert.All(first, t => Assert.Equal(t.Item1, t.Item2));
        Assert.Contains(first, t => t.Item1 != t.Item3);
    }

    private static InstrumentCommand Command(int i) =>
        new(CommandType.Execute, new CommandId($"c{i}"), "synthesize", ParameterSet.Empty, Start, Start.AddHours(1));
}
