import { model } from "@medusajs/framework/utils"

/**
 * A customer image stored by the upload route, as its bytes said it is: what an image
 * reference in line-item metadata ({url, mime, width, height, bytes}) is checked against,
 * so that a personalization cannot claim a print resolution its image does not have.
 */
export const PersonalizationUpload = model.define("personalization_upload", {
  /** The File Module's id of the stored file. */
  id: model.id().primaryKey(),
  mime: model.text(),
  width: model.number(),
  height: model.number(),
  bytes: model.number(),
})
