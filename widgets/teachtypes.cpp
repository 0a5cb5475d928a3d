#include "teachtypes.h"

namespace lmwb::widgets {

void registerTeachTypes()
{
    qRegisterMetaType<TeachSnapshot>("lmwb::widgets::TeachSnapshot");
}

} // namespace lmwb::widgets
