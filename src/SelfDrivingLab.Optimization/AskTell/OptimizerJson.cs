using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Optimization.Objectives;
using SelfDrivingLab.Optimization.Proposals;
using SelfDrivingLab.Optimization.Space;

namespace SelfDrivingLab.Optimization.AskTell;

/// <summary>
/// The JSON form of an <see cref="Optimizer"/>'s state (<c>format: 1</c>): <c>space</c> (parameters with a <c>kind</c>
/// of continuous, integer or categorical; mixtures; constraints), <c>objectives</c>, <c>settings</c> (enums by name),
/// <c>prior</c>, <c>observations</c>, <c>failures</c>, <c>pending</c> and <c>asked</c>. Numbers are written in
/// round-trip form, so a restored optimizer proposes exactly what the saved one would.
/// </summary>
internal static class OptimizerJson
{
    public const int Format = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { AddParameterKinds, StateOnly } },
    };

    public static string Write(Optimizer optimizer)
    {
        var memory = optimizer.Memory;
        var space = optimizer.Space;
        var state = new State(
            Format,
            new SpaceState(space.Parameters, space.Mixtures, space.Constraints),
            optimizer.Objectives,
            optimizer.Settings,
            memory.Prior,
            memory.Observations,
            memory.Failures,
            memory.Pending,
            memory.Asked);
        return JsonSerializer.Serialize(state, Options);
    }

    public static (SearchSpace Space, IReadOnlyList<Objective> Objectives, ProposerSettings Settings, OptimizerMemory Memory) Read(string json)
    {
        State? state;
        try
        {
            state = JsonSerializer.Deserialize<State>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The optimizer state is not valid JSON of format {Format}: {ex.Message}", ex);
        }

        if (state is null || state.Format != Format)
        {
            throw new FormatException($"The optimizer state must have format {Format} (got {state?.Format.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}).");
        }

        if (state.Space?.Parameters is null || state.Objectives is null || state.Settings is null)
        {
            throw new FormatException("The optimizer state needs 'space' with 'parameters', 'objectives' and 'settings'.");
        }

        SearchSpace space;
        try
        {
            space = new SearchSpace(state.Space.Parameters, state.Space.Mixtures, state.Space.Constraints);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"The optimizer state's space is not valid: {ex.Message}", ex);
        }

        var memory = new OptimizerMemory(state.Prior ?? [], state.Observations ?? [], state.Failures ?? [], state.Pending ?? [], state.Asked);
        return (space, state.Objectives, state.Settings, memory);
    }

    private static void AddParameterKinds(JsonTypeInfo info)
    {
        if (info.Type == typeof(SpaceParameter))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions
            {
                TypeDiscriminatorPropertyName = "kind",
                UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
                DerivedTypes =
                {
                    new JsonDerivedType(typeof(ContinuousParameter), "continuous"),
                    new JsonDerivedType(typeof(IntegerParameter), "integer"),
                    new JsonDerivedType(typeof(CategoricalParameter), "categorical"),
                },
            };
        }
    }

    /// <summary>Writes only what is state: no computed properties (e.g. a threshold's score) and no pool (the API works over a space).</summary>
    private static void StateOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var property = info.Properties[i];
            if ((property.Set is null && property.AssociatedParameter is null) || property.PropertyType == typeof(Pools.CandidatePool))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private sealed record SpaceState(IReadOnlyList<SpaceParameter> Parameters, IReadOnlyList<MixtureConstraint>? Mixtures, IReadOnlyList<LinearConstraint>? Constraints);

    private sealed record State(
        int Format,
        SpaceState Space,
        IReadOnlyList<Objective> Objectives,
        ProposerSettings Settings,
        IReadOnlyList<Observation>? Prior,
        IReadOnlyList<Observation>? Observations,
        IReadOnlyList<FailedObservation>? Failures,
        IReadOnlyList<ParameterSet>? Pending,
        int Asked);
}
