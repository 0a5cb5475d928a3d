// ctest-labels: unit
// The safetensors reader and writer: bit-exact round trips, the writer's bytes pinned against
// a hand-written file, and one malformed file per rejection the header promises.
#include "io/safetensors.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <filesystem>
#include <limits>

using namespace lmwb::core;

namespace {

std::string lengthPrefix(uint64_t n)
{
    std::string s;
    for (int i = 0; i < 8; ++i, n >>= 8)
        s.push_back(static_cast<char>(n & 0xff));
    return s;
}

// A file: the u64 header length, the header, then the data section.
std::string fileOf(const std::string &header, const std::string &data = {})
{
    return lengthPrefix(header.size()) + header + data;
}

template <class T>
std::string bytesOf(const std::vector<T> &values)
{
    return std::string(reinterpret_cast<const char *>(values.data()), values.size() * sizeof(T));
}

struct MalformedCase {
    const char *name;
    std::string bytes;
    const char *expected; // a substring of the message that only this case produces
};

const std::string kF32One = R"({"dtype":"F32","shape":[1],"data_offsets":[0,4]})";

std::vector<MalformedCase> malformedCases()
{
    const std::string four(4, '\0');
    const std::string eight(8, '\0');
    const std::string twelve(12, '\0');
    return {
        {"too short", std::string("\x01\x02\x03", 3), "too short for the 8-byte header length"},
        {"header length beyond the file", lengthPrefix(1000) + "{}", "header length 1000 exceeds the file size 10"},
        {"header above 100 MB", lengthPrefix(200'000'000) + "{}", "exceeds the 100 MB limit"},
        {"invalid JSON", fileOf(R"({"a":)"), "header is not valid JSON"},
        {"JSON not an object", fileOf("[1,2]"), "header is not a JSON object (it is array)"},
        {"entry not an object", fileOf(R"({"a":3})"), "tensor 'a': entry is not an object"},
        {"missing dtype", fileOf(R"({"a":{"shape":[1],"data_offsets":[0,4]}})", four),
         "tensor 'a': missing \"dtype\""},
        {"missing shape", fileOf(R"({"a":{"dtype":"F32","data_offsets":[0,4]}})", four),
         "tensor 'a': missing \"shape\""},
        {"missing data_offsets", fileOf(R"({"a":{"dtype":"F32","shape":[1]}})", four),
         "tensor 'a': missing \"data_offsets\""},
        {"unknown key", fileOf(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"x":1}})", four),
         "tensor 'a': unknown key 'x'"},
        {"unknown dtype", fileOf(R"({"a":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}})", std::string(1, '\0')),
         "tensor 'a': unknown dtype \"F8\""},
        {"dtype not a string", fileOf(R"({"a":{"dtype":4,"shape":[1],"data_offsets":[0,4]}})", four),
         "tensor 'a': dtype is not a string"},
        {"negative shape", fileOf(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", four),
         "tensor 'a': shape[0] is negative (-1)"},
        {"non-integer shape", fileOf(R"({"a":{"dtype":"F32","shape":[1,1.5],"data_offsets":[0,4]}})", four),
         "tensor 'a': shape[1] is not an integer (1.5)"},
        {"string in shape", fileOf(R"({"a":{"dtype":"F32","shape":["1"],"data_offsets":[0,4]}})", four),
         "tensor 'a': shape[0] is not an integer (\"1\")"},
        {"shape not an array", fileOf(R"({"a":{"dtype":"F32","shape":1,"data_offsets":[0,4]}})", four),
         "tensor 'a': shape is not an array"},
        {"shape product overflows",
         fileOf(R"({"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,4]}})", four),
         "tensor 'a': shape [4294967296,4294967296] is too large (byte size overflows)"},
        {"offsets not a pair", fileOf(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0]}})", four),
         "tensor 'a': data_offsets [0] are not [begin, end]"},
        {"offsets reversed", fileOf(R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[4,0]}})", four),
         "tensor 'a': data_offsets [4,0] are reversed (begin > end)"},
        {"size mismatch",
         fileOf(R"({"wte.weight":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})", std::string(20, '\0')),
         "tensor 'wte.weight': dtype F32 with shape [2,3] needs 24 bytes but data_offsets give 20"},
        {"out of range", fileOf(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", eight),
         "tensor 'a': data_offsets [4,12] run past the end of the data section (8 bytes)"},
        {"overlap",
         fileOf(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
                R"("b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", twelve),
         "tensors 'a' [0, 8] and 'b' [4, 12] overlap"},
        {"gap",
         fileOf(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
                R"("b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})", twelve),
         "gap: bytes [4, 8) of the data section before tensor 'b'"},
        {"trailing bytes", fileOf("{\"a\":" + kF32One + "}", eight),
         "trailing bytes: the data section has 8 bytes but the tensors cover only 4"},
        {"non-string metadata", fileOf(R"({"__metadata__":{"k":1},"a":)" + kF32One + "}", four),
         "metadata value for key 'k' is not a string (1)"},
        {"metadata not an object", fileOf(R"({"__metadata__":[],"a":)" + kF32One + "}", four),
         "__metadata__ is not an object"},
        {"duplicate names", fileOf("{\"a\":" + kF32One + ",\"a\":" + kF32One + "}", four),
         "duplicate tensor name 'a'"},
        {"duplicate key in an entry",
         fileOf(R"({"a":{"dtype":"F32","dtype":"F32","shape":[1],"data_offsets":[0,4]}})", four),
         "duplicate key 'dtype' in the entry of 'a'"},
    };
}

} // namespace

class TestSafeTensors : public QObject {
    Q_OBJECT

private slots:
    void dtypes()
    {
        QCOMPARE(dtypeName(DType::BF16), "BF16");
        QCOMPARE(dtypeName(DType::Bool), "BOOL");
        QCOMPARE(dtypeSize(DType::F64), std::size_t(8));
        QCOMPARE(dtypeSize(DType::BF16), std::size_t(2));
        QCOMPARE(dtypeSize(DType::Bool), std::size_t(1));
        TensorEntry e;
        e.shape = {};
        QCOMPARE(e.numel(), int64_t(1));
        e.shape = {2, 0, 3};
        QCOMPARE(e.numel(), int64_t(0));
        e.shape = {2, 3, 4};
        QCOMPARE(e.numel(), int64_t(24));
    }

    void roundTrip()
    {
        // Bit patterns a float conversion would disturb: -0, a NaN payload, a denormal.
        const std::vector<uint32_t> f32 = {0x3f800000u, 0x80000000u, 0x7fc01234u,
                                           0x00000001u, 0xff800000u, 0x40490fdbu};
        const std::vector<double> f64 = {1.0 / 3.0, -1e300, std::numeric_limits<double>::denorm_min()};
        const std::vector<uint16_t> f16 = {0x3c00, 0x7e01, 0x8000};
        const std::vector<uint16_t> bf16 = {0x3f80, 0xffc1, 0x0001, 0x4049};
        const std::vector<int64_t> i64 = {std::numeric_limits<int64_t>::min(), -1, 42};
        const std::vector<int32_t> i32 = {-7, 0, 7};
        const std::vector<int16_t> i16 = {-32768, 32767};
        const std::vector<int8_t> i8 = {-128, 0, 127, 5, 6};
        const std::vector<uint8_t> u8 = {0, 255, 128};
        const std::vector<uint8_t> boolean = {1, 0, 1, 1};
        const std::vector<float> scalar = {3.25f};
        const std::vector<TensorToWrite> tensors = {
            {"wte.weight", DType::F32, {2, 3}, f32.data(), 24},
            {"f64", DType::F64, {3}, f64.data(), 24},
            {"f16", DType::F16, {3}, f16.data(), 6},
            {"bf16", DType::BF16, {2, 1, 2}, bf16.data(), 8},
            {"i64", DType::I64, {3}, i64.data(), 24},
            {"i32", DType::I32, {3, 1}, i32.data(), 12},
            {"i16", DType::I16, {2}, i16.data(), 4},
            {"i8", DType::I8, {5}, i8.data(), 5},
            {"u8", DType::U8, {3}, u8.data(), 3},
            {"mask", DType::Bool, {2, 2}, boolean.data(), 4},
            {"scalar", DType::F32, {}, scalar.data(), 4},
            {"empty", DType::F32, {0, 3}, nullptr, 0},
        };
        const std::map<std::string, std::string> meta = {
            {"format", "pt"}, {"note", "quotes \" and \\ and\nnewline, ünïcödé"}, {"", "empty key"}};

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("model.safetensors").toStdString();
        Status written = writeSafeTensorsFile(path, tensors, meta);
        QVERIFY2(written.ok(), written.error().c_str());
        QVERIFY(!std::filesystem::exists(path + ".tmp"));

        Result<SafeTensors> st = SafeTensors::readFile(path);
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().c_str());
        QCOMPARE(st->tensors().size(), tensors.size());
        for (std::size_t i = 0; i < tensors.size(); ++i) {
            const TensorEntry &e = st->tensors()[i];
            QCOMPARE(e.name, tensors[i].name); // file order
            QCOMPARE(e.dtype, tensors[i].dtype);
            QCOMPARE(e.shape, tensors[i].shape);
            QCOMPARE(e.end - e.begin, tensors[i].nbytes);
            QCOMPARE(static_cast<std::size_t>(e.numel()) * dtypeSize(e.dtype), tensors[i].nbytes);
            QVERIFY(tensors[i].nbytes == 0 ||
                    std::memcmp(st->data(e), tensors[i].data, tensors[i].nbytes) == 0);
        }
        QCOMPARE(st->metadata(), meta);
        const TensorEntry *scalarEntry = st->find("scalar");
        QVERIFY(scalarEntry);
        QCOMPARE(scalarEntry->numel(), int64_t(1));
        QVERIFY(scalarEntry->shape.empty());
        QCOMPARE(st->find("empty")->numel(), int64_t(0));
        QCOMPARE(st->find("missing"), nullptr);

        // The writer's own bytes parse the same way, and writing again replaces the file.
        Result<std::string> bytes = serializeSafeTensors(tensors, meta);
        QVERIFY(bytes.ok());
        uint64_t headerLen = 0;
        std::memcpy(&headerLen, bytes->data(), 8); // little-endian host
        QCOMPARE(headerLen % 8, uint64_t(0));
        QCOMPARE(bytes->size(), std::size_t(8 + headerLen + 118));
        QCOMPARE(static_cast<qint64>(std::filesystem::file_size(path)), qint64(bytes->size()));
        QVERIFY(writeSafeTensorsFile(path, {tensors[10]}).ok());
        Result<SafeTensors> again = SafeTensors::readFile(path);
        QVERIFY(again.ok());
        QCOMPARE(again->tensors().size(), std::size_t(1));
        QVERIFY(again->metadata().empty());
    }

    void writerBytesArePinned()
    {
        const std::vector<float> a = {1.0f, -2.0f};
        const std::vector<int16_t> s = {0x1234};
        Result<std::string> bytes = serializeSafeTensors(
            {{"a", DType::F32, {2}, a.data(), 8}, {"s", DType::I16, {}, s.data(), 2}}, {{"k", "v"}});
        QVERIFY(bytes.ok());
        // 132 bytes of JSON padded with 4 spaces to 136 = 0x88.
        const std::string expected =
            std::string("\x88\0\0\0\0\0\0\0", 8) +
            R"({"__metadata__":{"k":"v"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},)"
            R"("s":{"dtype":"I16","shape":[],"data_offsets":[8,10]}})" "    " +
            std::string("\x00\x00\x80\x3f\x00\x00\x00\xc0\x34\x12", 10);
        QCOMPARE(QByteArray::fromStdString(*bytes), QByteArray::fromStdString(expected));

        // Without metadata there is no "__metadata__" key; an empty file is a valid file.
        Result<std::string> empty = serializeSafeTensors({});
        QVERIFY(empty.ok());
        QCOMPARE(QByteArray::fromStdString(*empty),
                 QByteArray::fromStdString(std::string("\x08\0\0\0\0\0\0\0{}      ", 16)));
        QVERIFY(SafeTensors::parse(*empty).ok());
    }

    void writerRejectsBadInput_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("expected");
        QTest::addRow("nbytes mismatch") << 0 << "tensor 'a': dtype F32 with shape [2] needs 8 bytes but nbytes is 4";
        QTest::addRow("duplicate") << 1 << "duplicate tensor name 'a'";
        QTest::addRow("null data") << 2 << "tensor 'a': data is null";
        QTest::addRow("negative shape") << 3 << "tensor 'a': shape [-2] has a negative dimension";
        QTest::addRow("reserved name") << 4 << "tensor '__metadata__': the name is reserved";
    }
    void writerRejectsBadInput()
    {
        QFETCH(int, which);
        QFETCH(QString, expected);
        const std::vector<float> v = {1.0f, 2.0f};
        std::vector<TensorToWrite> tensors;
        switch (which) {
        case 0: tensors = {{"a", DType::F32, {2}, v.data(), 4}}; break;
        case 1: tensors = {{"a", DType::F32, {2}, v.data(), 8}, {"a", DType::F32, {2}, v.data(), 8}}; break;
        case 2: tensors = {{"a", DType::F32, {2}, nullptr, 8}}; break;
        case 3: tensors = {{"a", DType::F32, {-2}, v.data(), 8}}; break;
        case 4: tensors = {{"__metadata__", DType::F32, {2}, v.data(), 8}}; break;
        }
        Result<std::string> bytes = serializeSafeTensors(tensors);
        QVERIFY(!bytes.ok());
        QVERIFY2(QString::fromStdString(bytes.error()).contains(expected), bytes.error().c_str());

        QTemporaryDir dir;
        const std::string path = dir.filePath("x.safetensors").toStdString();
        Status st = writeSafeTensorsFile(path, tensors);
        QVERIFY(!st.ok());
        QVERIFY(!std::filesystem::exists(path));
        QVERIFY(!std::filesystem::exists(path + ".tmp"));
    }

    void acceptsEdgeLayouts()
    {
        // Empty tensors may sit anywhere in the tiling, and the header may carry padding.
        const std::string header =
            R"({"e0":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},)"
            R"("a":{"dtype":"U8","shape":[3],"data_offsets":[0,3]},)"
            R"("e1":{"dtype":"I64","shape":[2,0],"data_offsets":[3,3]},)"
            R"("b":{"dtype":"U8","shape":[],"data_offsets":[3,4]}}   )";
        Result<SafeTensors> st = SafeTensors::parse(fileOf(header, "abcd"));
        QVERIFY2(st.ok(), st.ok() ? "" : st.error().c_str());
        QCOMPARE(st->tensors().size(), std::size_t(4));
        QCOMPARE(std::string(st->data(*st->find("a")), 3), std::string("abc"));
        QCOMPARE(*st->data(*st->find("b")), 'd');
        QCOMPARE(st->tensors()[1].name, std::string("a"));

        // The shared valid entry used by the malformed cases parses on its own.
        QVERIFY(SafeTensors::parse(fileOf("{\"a\":" + kF32One + "}", std::string(4, '\0'))).ok());
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        for (const MalformedCase &c : malformedCases())
            QTest::addRow("%s", c.name) << QByteArray::fromStdString(c.bytes) << QString(c.expected);
    }
    void rejectsMalformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        Result<SafeTensors> st = SafeTensors::parse(bytes.toStdString());
        QVERIFY(!st.ok());
        QVERIFY2(QString::fromStdString(st.error()).contains(expected), st.error().c_str());
    }

    void malformedMessagesAreDistinct()
    {
        const std::vector<MalformedCase> cases = malformedCases();
        for (std::size_t i = 0; i < cases.size(); ++i) {
            Result<SafeTensors> st = SafeTensors::parse(cases[i].bytes);
            QVERIFY(!st.ok());
            for (std::size_t j = 0; j < cases.size(); ++j) {
                if (i != j)
                    QVERIFY2(st.error().find(cases[j].expected) == std::string::npos,
                             (std::string(cases[i].name) + " reads like " + cases[j].name).c_str());
            }
        }
    }

    void readFileNamesThePath()
    {
        QTemporaryDir dir;
        const std::string missing = dir.filePath("nope.safetensors").toStdString();
        Result<SafeTensors> st = SafeTensors::readFile(missing);
        QVERIFY(!st.ok());
        QVERIFY(st.error().find(missing) != std::string::npos);

        const std::string bad = dir.filePath("bad.safetensors").toStdString();
        QFile f(QString::fromStdString(bad));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x02\0\0\0\0\0\0\0[]", 10);
        f.close();
        st = SafeTensors::readFile(bad);
        QVERIFY(!st.ok());
        QCOMPARE(st.error(), bad + ": header is not a JSON object (it is array)");
    }

    void largeFile()
    {
        // 64 MB in one tensor: read in one piece and handed back intact.
        const std::size_t n = 16u << 20;
        std::vector<uint32_t> values(n);
        for (std::size_t i = 0; i < n; ++i)
            values[i] = static_cast<uint32_t>(i * 2654435761u);
        QTemporaryDir dir;
        const std::string path = dir.filePath("big.safetensors").toStdString();
        QVERIFY(writeSafeTensorsFile(path, {{"w", DType::I32, {int64_t(n)}, values.data(), n * 4}}).ok());
        QElapsedTimer timer;
        timer.start();
        Result<SafeTensors> st = SafeTensors::readFile(path);
        qInfo("read 64 MB in %lld ms", static_cast<long long>(timer.elapsed()));
        QVERIFY(st.ok());
        const TensorEntry *w = st->find("w");
        QVERIFY(w);
        QCOMPARE(w->numel(), int64_t(n));
        QVERIFY(std::memcmp(st->data(*w), values.data(), n * 4) == 0);
    }
};

QTEST_GUILESS_MAIN(TestSafeTensors)
#include "tst_safetensors.moc"
