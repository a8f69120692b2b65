import { z } from 'astro/zod';
import { label, MAX_LENGTH, text, mediaPath, question, summary, type SchemaHelpers } from '../fields.ts';

/** The lessons collection's schema. */
export function lessonsSchema<R extends z.ZodType, I extends z.ZodType>({ ref }: SchemaHelpers<R, I>) {
  return z.strictObject({
    // Lesson title.
    title: label(text(), '课时名称', '本课标题'),
    // The course it belongs to.
    course: label(ref('courses'), '所属课程', '本课所属课程'),
    // Position within the course, small first.
    order: label(z.number().int().min(1, '从 1 开始'), '顺序', '在课程中的顺序，从 1 开始'),
    // Estimated study time in minutes.
    minutes: label(z.number().int().positive('应大于 0'), '学习时长（分钟）', '预计学习分钟数'),
    // Short summary.
    summary: summary(),
    // Optional short video with captions.
    video: label(
      z
        .strictObject({
          // Path of the video file under the site root.
          src: label(mediaPath(), '视频文件', '上传的视频地址'),
          // WebVTT captions for the video.
          captions: label(mediaPath(), '字幕文件', 'WebVTT 字幕地址'),
          // What the video shows, for people who cannot watch it.
          description: label(text(MAX_LENGTH.sentence), '视频说明', '一句话说明视频内容'),
        })
        .optional(),
      '视频',
      '可选的短视频，必须附字幕',
    ),
    // Self-check questions shown at the end of the lesson.
    quiz: label(z.array(question).default([]), '自测题', '课后自测题，2—5 道'),
    // A draft is never published.
    draft: label(z.boolean().default(false), '草稿', '勾选后不会发布'),
  });
}
