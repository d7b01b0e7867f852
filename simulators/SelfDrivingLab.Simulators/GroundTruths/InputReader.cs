using SelfDrivingLab.Core.Parameters;

namespace SelfDrivingLab.Simulators;

/// <summary>Reads a ground truth's numeric inputs from command parameters, naming what is missing or wrong.</summary>
internal static class InputReader
{
    public static double[] Read(IReadOnlyList<string> inputs, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++)
        {
            if (!parameters.TryGetValue(inputs[i], out var value))
            {
                throw new ArgumentException($"Input '{inputs[i]}' is missing (given: {string.Join(", ", parameters.Keys)}).", nameof(parameters));
            }

            if (!value.IsNumber)
            {
                throw new ArgumentException($"Input '{inputs[i]}' must be a number, not the text '{value.Text}'.", nameof(parameters));
            }

            values[i] = value.Number;
        }

        return values;
    }
}
