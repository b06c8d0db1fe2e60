import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { jsonResponse, siteLinks } from '../../data/links';
import { projectDataPath, projectRecord } from '../../data/records';
import { loadModel } from '../../model/load';

/** Each project as its own JSON file, at a URL that mirrors its page: /data/<department>/<year>/<slug>.json. */
export const getStaticPaths = (async () => {
  const model = await loadModel();
  return model.projects.map((project) => ({
    params: { project: projectDataPath(project).replace(/^data\//, '').replace(/\.json$/, '') },
    props: { key: project.key },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const project = (await loadModel()).projects.find((p) => p.key === props.key)!;
  return jsonResponse(projectRecord(project, siteLinks(site)));
};
