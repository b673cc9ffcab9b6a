using System.Runtime.InteropServices;

namespace Alpha.Boosting.LightGbm;

/// <summary>
/// The LightGBM 4.x C API (include/LightGBM/c_api.h), bound to <c>lib_lightgbm</c> from the LightGBM package's
/// runtimes folder. Every call returns 0 or -1; <see cref="Check"/> turns -1 into a <see cref="LightGbmException"/>
/// carrying <c>LGBM_GetLastError</c>'s text.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>C_API_DTYPE_FLOAT32.</summary>
    public const int Float32 = 0;

    /// <summary>C_API_DTYPE_FLOAT64.</summary>
    public const int Float64 = 1;

    /// <summary>C_API_PREDICT_NORMAL: the transformed output.</summary>
    public const int PredictNormal = 0;

    /// <summary>C_API_PREDICT_RAW_SCORE: the raw margins.</summary>
    public const int PredictRawScore = 1;

    private const string Library = "lib_lightgbm";

    // The library owns the returned text: read it, never free it.
    [LibraryImport(Library)]
    internal static partial IntPtr LGBM_GetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int LGBM_DatasetCreateFromMat(void* data, int dataType, int rows, int columns, int isRowMajor, string parameters, DatasetHandle reference, out DatasetHandle handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int LGBM_DatasetCreateFromMat(void* data, int dataType, int rows, int columns, int isRowMajor, string parameters, IntPtr reference, out DatasetHandle handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int LGBM_DatasetSetField(DatasetHandle handle, string field, void* data, int count, int type);

    [LibraryImport(Library)]
    internal static partial int LGBM_DatasetFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LGBM_BoosterCreate(DatasetHandle train, string parameters, out BoosterHandle handle);

    [LibraryImport(Library)]
    internal static partial int LGBM_BoosterAddValidData(BoosterHandle handle, DatasetHandle valid);

    [LibraryImport(Library)]
    internal static partial int LGBM_BoosterUpdateOneIter(BoosterHandle handle, out int finished);

    [LibraryImport(Library)]
    internal static partial int LGBM_BoosterGetEvalCounts(BoosterHandle handle, out int count);

    [LibraryImport(Library)]
    internal static unsafe partial int LGBM_BoosterGetEval(BoosterHandle handle, int dataIndex, out int length, double* results);

    [LibraryImport(Library)]
    internal static unsafe partial int LGBM_BoosterSaveModelToString(BoosterHandle handle, int startIteration, int iterations, int featureImportanceType, long bufferLength, out long length, byte* buffer);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LGBM_BoosterLoadModelFromString(string model, out int iterations, out BoosterHandle handle);

    [LibraryImport(Library)]
    internal static partial int LGBM_BoosterGetNumClasses(BoosterHandle handle, out int classes);

    [LibraryImport(Library)]
    internal static partial int LGBM_BoosterFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int LGBM_BoosterPredictForMat(BoosterHandle handle, void* data, int dataType, int rows, int columns, int isRowMajor, int predictType, int startIteration, int iterations, string parameter, out long length, double* result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int LGBM_BoosterPredictForMatSingleRowFastInit(BoosterHandle handle, int predictType, int startIteration, int iterations, int dataType, int columns, string parameter, out FastConfigHandle fastConfig);

    [LibraryImport(Library)]
    internal static unsafe partial int LGBM_BoosterPredictForMatSingleRowFast(FastConfigHandle fastConfig, void* data, out long length, double* result);

    [LibraryImport(Library)]
    internal static partial int LGBM_FastConfigFree(IntPtr fastConfig);

    /// <summary>Throws <see cref="LightGbmException"/> naming <paramref name="call"/> when <paramref name="result"/> is not 0.</summary>
    public static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new LightGbmException(call, Marshal.PtrToStringUTF8(LGBM_GetLastError()) ?? "unknown error");
        }
    }
}
