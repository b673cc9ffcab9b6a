using System.Reflection;
using System.Runtime.InteropServices;

namespace Alpha.Boosting.XGBoost;

/// <summary>
/// The XGBoost C API (include/xgboost/c_api.h of 1.7), bound to <c>libxgboost.so.0</c>. A resolver tries the
/// Debian soname first, then the unversioned names, and fails with a message that says which package installs it.
/// </summary>
internal static partial class NativeMethods
{
    private const string Library = "xgboost";

    static NativeMethods() => NativeLibrary.SetDllImportResolver(typeof(NativeMethods).Assembly, Resolve);

    [LibraryImport(Library)]
    internal static partial IntPtr XGBGetLastError();

    [LibraryImport(Library)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Library)]
    internal static unsafe partial int XGDMatrixCreateFromMat(float* data, ulong rows, ulong columns, float missing, out IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial int XGDMatrixSetFloatInfo(DMatrixHandle handle, string field, float* values, ulong length);

    [LibraryImport(Library)]
    internal static partial int XGDMatrixFree(IntPtr handle);

    [LibraryImport(Library)]
    internal static partial int XGBoosterCreate(IntPtr[] dmatrices, ulong length, out IntPtr handle);

    [LibraryImport(Library)]
    internal static partial int XGBoosterFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(Library)]
    internal static partial int XGBoosterUpdateOneIter(BoosterHandle handle, int iteration, DMatrixHandle train);

    [LibraryImport(Library)]
    internal static partial int XGBoosterEvalOneIter(BoosterHandle handle, int iteration, IntPtr[] dmatrices, IntPtr[] names, ulong length, out IntPtr result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModelToBuffer(BoosterHandle handle, string config, out ulong length, out IntPtr buffer);

    [LibraryImport(Library)]
    internal static unsafe partial int XGBoosterLoadModelFromBuffer(BoosterHandle handle, byte* buffer, ulong length);

    [LibraryImport(Library)]
    internal static partial int XGBoosterSlice(BoosterHandle handle, int beginLayer, int endLayer, int step, out IntPtr sliced);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterPredictFromDMatrix(BoosterHandle handle, DMatrixHandle data, string config, out IntPtr shape, out ulong dimension, out IntPtr result);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterPredictFromDense(BoosterHandle handle, string arrayInterface, string config, IntPtr proxy, out IntPtr shape, out ulong dimension, out IntPtr result);

    /// <summary>Throws <see cref="XGBoostException"/> with XGBGetLastError()'s text when a call returned non-zero.</summary>
    internal static void Check(int status, string call)
    {
        if (status != 0)
        {
            throw new XGBoostException(call, Marshal.PtrToStringUTF8(XGBGetLastError()) ?? "(no message)");
        }
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != Library)
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in new[] { "libxgboost.so.0", "libxgboost.so", "libxgboost.dylib", "xgboost.dll" })
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out IntPtr handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException("The native XGBoost library (libxgboost.so.0) was not found. On Debian/Ubuntu install it with 'apt-get install libxgboost0'; elsewhere put libxgboost on the library path.");
    }
}
