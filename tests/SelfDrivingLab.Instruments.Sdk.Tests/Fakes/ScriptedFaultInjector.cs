using System.Collections.Concurrent;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>Injects the fault a test assigned to each command id (none otherwise) and records which commands it was asked about.</summary>
public sealed class ScriptedFaultInjector : IFaultInjector
{
    private readonly ConcurrentDictionary<string, FaultDecision> _decisions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _asked = new();

    public IReadOnlyList<string> Asked => [.. _asked];

    public ScriptedFaultInjector With(string commandId, InjectedFault fault, TimeSpan delay = default)
    {
        _decisions[commandId] = new FaultDecision(fault, delay);
        return this;
    }

    public FaultDecision Decide(InstrumentCommand command)
    {
        _asked.Enqueue(command.CommandId.Value);
        return _decisions.GetValueOrDefault(command.CommandId.Value);
    }
}
