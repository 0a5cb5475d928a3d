#include "attentionjson.h"

#include <nlohmann/json.hpp>

namespace lmwb::widgets {

std::string attentionJson(const AttentionSnapshot &s)
{
    using nlohmann::json;
    json tokens = json::array();
    for (const QByteArray &p : s.pieces)
        tokens.push_back(p.toStdString());
    json ids = json::array();
    for (int id : s.ids)
        ids.push_back(id);
    json layers = json::array();
    for (int l = 0; l < s.nLayer; ++l) {
        json heads = json::array();
        for (int h = 0; h < s.nHead; ++h) {
            json rows = json::array();
            for (int q = 0; q < s.T; ++q) {
                json row = json::array();
                for (int k = 0; k < s.T; ++k)
                    row.push_back(s.at(l, h, q, k));
                rows.push_back(std::move(row));
            }
            heads.push_back(std::move(rows));
        }
        layers.push_back(std::move(heads));
    }
    json out = {{"tokens", tokens}, {"ids", ids}, {"n_layer", s.nLayer}, {"n_head", s.nHead}, {"attention", layers}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace lmwb::widgets
