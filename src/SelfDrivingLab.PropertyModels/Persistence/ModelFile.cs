using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using SelfDrivingLab.PropertyModels.Data;

namespace SelfDrivingLab.PropertyModels.Persistence;

/// <summary>
/// Reads and writes <c>.sdlmodel</c> files: gzip-compressed JSON with a format name, a format version
/// (<see cref="CurrentVersion"/>), the feature set, the model's <see cref="PropertyModelInfo"/> and its fitted
/// predictor (trees as flat arrays; GP and ridge as their training rows and hyperparameters). A file that is not a model,
/// or of another version or feature set, is refused with a <see cref="TableDataException"/> saying so. Thread-safe.
/// </summary>
public static class ModelFile
{
    /// <summary>The format version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    private const string FormatName = "selfdrivinglab-property-model";

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>.</summary>
    public static void Save(PropertyModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var file = File.Create(path);
        using var zip = new GZipStream(file, CompressionLevel.Optimal);
        JsonSerializer.Serialize(zip, new ModelFileContent(FormatName, CurrentVersion, FeatureMatrix.FeatureSetName, model.Info, model.Predictor), Json);
    }

    /// <summary>Reads the model at <paramref name="path"/>.</summary>
    public static PropertyModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new TableDataException($"model file '{path}' does not exist");
        }

        ModelFileContent? content;
        try
        {
            using var file = File.OpenRead(path);
            using var zip = new GZipStream(file, CompressionMode.Decompress);
            content = JsonSerializer.Deserialize<ModelFileContent>(zip, Json);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or NotSupportedException)
        {
            throw new TableDataException($"'{path}' is not a SelfDrivingLab model file (made by 'sdl model train')", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TableDataException($"cannot read model file '{path}': {ex.Message}", ex);
        }

        if (content is null || content.Format != FormatName)
        {
            throw new TableDataException($"'{path}' is not a SelfDrivingLab model file (made by 'sdl model train')");
        }

        if (content.Version != CurrentVersion)
        {
            throw new TableDataException($"model file '{path}' has format version {content.Version}; this build reads version {CurrentVersion} — retrain it with 'sdl model train'");
        }

        if (content.FeatureSet != FeatureMatrix.FeatureSetName || content.Info is null || content.Predictor is null)
        {
            throw new TableDataException($"model file '{path}' uses features '{content.FeatureSet}'; this build computes '{FeatureMatrix.FeatureSetName}' — retrain it with 'sdl model train'");
        }

        return new PropertyModel(content.Info, content.Predictor);
    }
}
