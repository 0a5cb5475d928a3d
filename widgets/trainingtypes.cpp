#include "trainingtypes.h"

namespace lmwb::widgets {

void registerTrainingTypes()
{
    qRegisterMetaType<StepPoint>();
    qRegisterMetaType<EvalPoint>();
    qRegisterMetaType<RunDescription>();
    qRegisterMetaType<TrainingState>();
    qRegisterMetaType<QVector<StepPoint>>();
}

} // namespace lmwb::widgets
